package exchange.workforce.forecast;

import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.List;

/** Forecasts, the supply-and-demand plan and saved scenarios, for workforce planners; a council's viewers read their own. */
@Controller("/api/v1/forecasts")
@Secured({"PLANNER", "AUTHORITY_VIEWER"})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Forecasts")
@exchange.workforce.problem.ProblemResponses
public class ForecastController {

    private final Callers callers;
    private final Forecasts forecasts;

    public ForecastController(Callers callers, Forecasts forecasts) {
        this.callers = callers;
        this.forecasts = forecasts;
    }

    @Get(produces = {MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(operationId = "forecastsForecast", summary = "Forecast a measure for an authority, a region or England",
            description = "area: ONS code of an authority or region, or england. measure: a catalogue code (e.g. inpost_fte, "
                    + "turnover_rate_fte, caseload_fte, at31_episodes) or required_fte. origin: the last census year to use (YYYY; "
                    + "default the latest with a figure) — no figure of a later year is read. horizon: years ahead, 1 to 10 "
                    + "(default 3). scenario: the id of one of your scenarios (inpost_fte and required_fte). The method is the one "
                    + "chosen by a rolling-origin backtest over every area of the same level (all authorities, or the regions and "
                    + "England), used only where that way of choosing beat carrying the last figure forward on years it had not "
                    + "seen; the answer gives that out-of-sample track record (backtest), 80% and 95% intervals from the errors "
                    + "with the coverage they achieved, and the years and members it covers. A council's viewers read their own "
                    + "council's forecasts.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The forecast; with format=csv a CSV file, one row a year",
            content = {@io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json", schema = @Schema(implementation = Forecast.class)),
                    @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary"))})
    public HttpResponse<?> forecast(
            Authentication authentication,
            @Parameter(required = true, description = "ONS code of an authority (E10000016) or region (E12000008), or england", schema = @Schema(type = "string", maxLength = 12, example = "E10000016")) @QueryValue @Nullable String area,
            @QueryValue @Nullable String measure,
            @Parameter(description = "the last census year to use (default: the latest with a figure)", schema = @Schema(type = "integer", format = "int32", minimum = "2013", maximum = "2100", example = "2024")) @QueryValue @Nullable String origin,
            @Parameter(description = "years ahead (default 3)", schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "10", example = "3")) @QueryValue @Nullable String horizon,
            @QueryValue @Nullable String scenario,
            @Parameter(schema = @Schema(allowableValues = {"json", "csv"}), description = "json by default; csv for a spreadsheet") @QueryValue @Nullable String format) {
        Caller caller = callers.of(authentication);
        Forecast forecast = forecasts.forecast(caller, Forecasts.Query.of(area, measure == null ? "inpost_fte" : measure, origin, horizon, scenario));
        if ("csv".equalsIgnoreCase(format)) {
            return exchange.workforce.web.Downloads.csv(ForecastCsv.forecast(forecast), "forecast-" + forecast.area().code() + "-" + forecast.measure().code() + "-from-" + forecast.origin());
        }
        return HttpResponse.ok(forecast);
    }

    /** A CSV answer, downloaded under a file name that says what it is. */
    @Get(value = "/plan", produces = {MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(operationId = "forecastsPlan", summary = "Supply against demand, year by year, under the baseline or a scenario",
            description = "Stock + starters − leavers + other movements for social workers in post (FTE), FTE required by "
                    + "projected children in need at the caseload target, the gap and the agency share that would fill it. "
                    + "Same area, origin, horizon and scenario parameters as GET /api/v1/forecasts.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The plan; with format=csv a CSV file, one row a year",
            content = {@io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json", schema = @Schema(implementation = WorkforcePlan.class)),
                    @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary"))})
    public HttpResponse<?> plan(
            Authentication authentication,
            @Parameter(required = true, description = "ONS code of an authority (E10000016) or region (E12000008), or england", schema = @Schema(type = "string", maxLength = 12, example = "E10000016")) @QueryValue @Nullable String area,
            @Parameter(description = "the last census year to use (default: the latest with a figure)", schema = @Schema(type = "integer", format = "int32", minimum = "2013", maximum = "2100", example = "2024")) @QueryValue @Nullable String origin,
            @Parameter(description = "years ahead (default 3)", schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "10", example = "3")) @QueryValue @Nullable String horizon,
            @QueryValue @Nullable String scenario,
            @Parameter(schema = @Schema(allowableValues = {"json", "csv"}), description = "json by default; csv for a spreadsheet") @QueryValue @Nullable String format) {
        Caller caller = callers.of(authentication);
        WorkforcePlan plan = forecasts.plan(caller, Forecasts.Query.of(area, "inpost_fte", origin, horizon, scenario));
        if ("csv".equalsIgnoreCase(format)) {
            return exchange.workforce.web.Downloads.csv(ForecastCsv.plan(plan), "plan-" + plan.area().code() + "-from-" + plan.origin());
        }
        return HttpResponse.ok(plan);
    }

    @Get(value = "/compare", produces = {MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(operationId = "forecastsCompare", summary = "Your saved scenarios side by side with the baseline",
            description = "scenarios: 1 to 5 of your scenarios' ids, comma separated. For each projected year: FTE in post, FTE "
                    + "required and the gap, under the baseline and each scenario. Same area, origin and horizon as the plan.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The comparison; with format=csv a CSV file",
            content = {@io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json", schema = @Schema(implementation = ScenarioComparison.class)),
                    @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary"))})
    public HttpResponse<?> compare(
            Authentication authentication,
            @Parameter(required = true, description = "ONS code of an authority (E10000016) or region (E12000008), or england", schema = @Schema(type = "string", maxLength = 12, example = "E10000016")) @QueryValue @Nullable String area,
            @QueryValue @Nullable String scenarios,
            @Parameter(description = "the last census year to use (default: the latest with a figure)", schema = @Schema(type = "integer", format = "int32", minimum = "2013", maximum = "2100", example = "2024")) @QueryValue @Nullable String origin,
            @Parameter(description = "years ahead (default 3)", schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "10", example = "3")) @QueryValue @Nullable String horizon,
            @Parameter(schema = @Schema(allowableValues = {"json", "csv"}), description = "json by default; csv for a spreadsheet") @QueryValue @Nullable String format) {
        Caller caller = callers.of(authentication);
        List<java.util.UUID> ids = new java.util.ArrayList<>();
        for (String id : scenarios == null ? new String[0] : scenarios.split(",")) {
            if (!id.isBlank()) {
                ids.add(Forecasts.scenarioId(id));
            }
        }
        ScenarioComparison comparison = forecasts.compare(caller, Forecasts.Query.of(area, "inpost_fte", origin, horizon, null), ids);
        if ("csv".equalsIgnoreCase(format)) {
            return exchange.workforce.web.Downloads.csv(ForecastCsv.comparison(comparison), "scenarios-" + comparison.area().code() + "-from-" + comparison.origin());
        }
        return HttpResponse.ok(comparison);
    }

    @Get(value = "/export.csv", produces = "text/csv")
    @Operation(operationId = "forecastsCsv", summary = "The forecast as CSV, one row a year (as GET /api/v1/forecasts?format=csv)")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The forecast, one row a year",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
    public HttpResponse<?> forecastCsv(
            Authentication authentication,
            @Parameter(required = true, description = "ONS code of an authority (E10000016) or region (E12000008), or england", schema = @Schema(type = "string", maxLength = 12, example = "E10000016")) @QueryValue @Nullable String area,
            @QueryValue @Nullable String measure,
            @Parameter(description = "the last census year to use (default: the latest with a figure)", schema = @Schema(type = "integer", format = "int32", minimum = "2013", maximum = "2100", example = "2024")) @QueryValue @Nullable String origin,
            @Parameter(description = "years ahead (default 3)", schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "10", example = "3")) @QueryValue @Nullable String horizon,
            @QueryValue @Nullable String scenario) {
        return forecast(authentication, area, measure, origin, horizon, scenario, "csv");
    }

    @Get(value = "/plan/export.csv", produces = "text/csv")
    @Operation(operationId = "forecastsPlanCsv", summary = "The plan as CSV, one row a year (as GET /api/v1/forecasts/plan?format=csv)")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The plan, one row a year",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
    public HttpResponse<?> planCsv(
            Authentication authentication,
            @Parameter(required = true, description = "ONS code of an authority (E10000016) or region (E12000008), or england", schema = @Schema(type = "string", maxLength = 12, example = "E10000016")) @QueryValue @Nullable String area,
            @Parameter(description = "the last census year to use (default: the latest with a figure)", schema = @Schema(type = "integer", format = "int32", minimum = "2013", maximum = "2100", example = "2024")) @QueryValue @Nullable String origin,
            @Parameter(description = "years ahead (default 3)", schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "10", example = "3")) @QueryValue @Nullable String horizon,
            @QueryValue @Nullable String scenario) {
        return plan(authentication, area, origin, horizon, scenario, "csv");
    }

    @Get(value = "/compare/export.csv", produces = "text/csv")
    @Operation(operationId = "forecastsCompareCsv", summary = "The comparison of scenarios as CSV (as GET /api/v1/forecasts/compare?format=csv)")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The comparison, one row a year",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
    public HttpResponse<?> compareCsv(
            Authentication authentication,
            @Parameter(required = true, description = "ONS code of an authority (E10000016) or region (E12000008), or england", schema = @Schema(type = "string", maxLength = 12, example = "E10000016")) @QueryValue @Nullable String area,
            @QueryValue @Nullable String scenarios,
            @Parameter(description = "the last census year to use (default: the latest with a figure)", schema = @Schema(type = "integer", format = "int32", minimum = "2013", maximum = "2100", example = "2024")) @QueryValue @Nullable String origin,
            @Parameter(description = "years ahead (default 3)", schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "10", example = "3")) @QueryValue @Nullable String horizon) {
        return compare(authentication, area, scenarios, origin, horizon, "csv");
    }

    @Get("/scenarios")
    @Operation(operationId = "forecastsScenarios", summary = "Your scenarios (your authority's, or your region's for a regional planner)")
    public List<Scenario> scenarios(Authentication authentication) {
        return forecasts.scenarios(callers.of(authentication));
    }

    @exchange.workforce.problem.BodyProblemResponses
    @Post("/scenarios")
    @Secured("PLANNER")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "forecastsSave", summary = "Save a scenario",
            description = "name, and at least one of: turnoverReductionPoints (percentage points, -20 to 20), "
                    + "extraNewlyQualifiedFte (0 to 5000 a year), agencyConversionPercent (0 to 100 of agency FTE each year), "
                    + "caseloadTarget (5 to 40). Visible only to your authority's planners (or your region's).")
    public Scenario save(Authentication authentication, @Body @Valid NewScenario scenario) {
        return forecasts.save(callers.of(authentication), scenario);
    }
}

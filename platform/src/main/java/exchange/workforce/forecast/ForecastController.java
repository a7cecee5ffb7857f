package exchange.workforce.forecast;

import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.List;

/** Forecasts, the supply-and-demand plan and saved scenarios, for workforce planners. */
@Controller("/api/v1/forecasts")
@Secured("PLANNER")
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

    @Get
    @Operation(operationId = "forecastsForecast", summary = "Forecast a measure for an authority, a region or England",
            description = "area: ONS code of an authority or region, or england. measure: a catalogue code (e.g. inpost_fte, "
                    + "turnover_rate_fte, caseload_fte, at31_episodes) or required_fte. origin: the last census year to use (YYYY; "
                    + "default the latest with a figure) — no figure of a later year is read. horizon: years ahead, 1 to 10 "
                    + "(default 3). scenario: the id of one of your scenarios (inpost_fte and required_fte). The method is the one "
                    + "whose rolling-origin backtest on this series beat carrying the last figure forward by most; the answer "
                    + "gives the backtest, 80% and 95% intervals from its errors, and the years and members it covers.")
    public Forecast forecast(Authentication authentication, @QueryValue @Nullable String area, @QueryValue @Nullable String measure,
                             @QueryValue @Nullable String origin, @QueryValue @Nullable String horizon,
                             @QueryValue @Nullable String scenario) {
        Caller caller = callers.of(authentication);
        return forecasts.forecast(caller, Forecasts.Query.of(area, measure == null ? "inpost_fte" : measure, origin, horizon, scenario));
    }

    @Get("/plan")
    @Operation(operationId = "forecastsPlan", summary = "Supply against demand, year by year, under the baseline or a scenario",
            description = "Stock + starters − leavers + other movements for social workers in post (FTE), FTE required by "
                    + "projected children in need at the caseload target, the gap and the agency share that would fill it. "
                    + "Same area, origin, horizon and scenario parameters as GET /api/v1/forecasts.")
    public WorkforcePlan plan(Authentication authentication, @QueryValue @Nullable String area, @QueryValue @Nullable String origin,
                              @QueryValue @Nullable String horizon, @QueryValue @Nullable String scenario) {
        Caller caller = callers.of(authentication);
        return forecasts.plan(caller, Forecasts.Query.of(area, "inpost_fte", origin, horizon, scenario));
    }

    @Get("/scenarios")
    @Operation(operationId = "forecastsScenarios", summary = "Your scenarios (your authority's, or your region's for a regional planner)")
    public List<Scenario> scenarios(Authentication authentication) {
        return forecasts.scenarios(callers.of(authentication));
    }

    @Post("/scenarios")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "forecastsSave", summary = "Save a scenario",
            description = "name, and at least one of: turnoverReductionPoints (percentage points, -20 to 20), "
                    + "extraNewlyQualifiedFte (0 to 5000 a year), agencyConversionPercent (0 to 100 of agency FTE each year), "
                    + "caseloadTarget (5 to 40). Visible only to your authority's planners (or your region's).")
    public Scenario save(Authentication authentication, @Body @Valid NewScenario scenario) {
        return forecasts.save(callers.of(authentication), scenario);
    }
}

package exchange.workforce.returns;

import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Your authority's workforce returns: submit (or preview) as JSON, and read every version back. */
@Controller("/api/v1/returns")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Returns")
@exchange.workforce.problem.ProblemResponses
public class ReturnController {

    private final Callers callers;
    private final SubmittingAReturn submitting;
    private final ReadingAReturn reading;

    public ReturnController(Callers callers, SubmittingAReturn submitting, ReadingAReturn reading) {
        this.callers = callers;
        this.submitting = submitting;
        this.reading = reading;
    }

    /** One figure: a number, or "x" (unavailable) or "z" (not applicable). */
    @Serdeable
    public record Figure(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "inpost_fte",
                                 description = "a measure code from GET /api/v1/measures") @Nullable String measure,
                         @Schema(example = "{\"leaving_reason\": \"RESIGNATION\"}",
                                 description = "dimension = category, for a figure of a breakdown; none for the total")
                         @Nullable Map<String, String> breakdown,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED, type = "string", example = "450.5",
                                 description = "the figure as text: a number (0 is a figure, never left blank), or x (unavailable) "
                                         + "or z (not applicable). A JSON number is read the same way.")
                         @Nullable Object value) {
    }

    /** {@code authority}, if given, must be your own: the authority always comes from your sign-in. */
    @Serdeable
    public record ReturnBody(@Schema(example = "E10000016", description = "your own authority's code, or leave it out") @Nullable String authority,
                             @Schema(implementation = PeriodType.class, requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String periodType,
                             @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2024",
                                     description = "2024 (census year to 30 September 2024), 2024-Q3 or 2024-09") @Nullable String period,
                             @Schema(example = "Leavers corrected after the payroll audit",
                                     description = "why a correction was made: needed from version 2 on", maxLength = 2000) @Nullable String reason,
                             @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable List<Figure> values) {
    }

    @exchange.workforce.problem.BodyProblemResponses
    @Post
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "Stored as a new version", content = {@io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json", schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = SubmittedReturn.class))})
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "A dry run, a retry with the same Idempotency-Key, or figures the same as the current version (unchanged: nothing stored): what it would store, what the first stored, or the current version", content = {@io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json", schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = SubmittedReturn.class))})
    @Secured("AUTHORITY_SUBMITTER")
    @Operation(operationId = "returnsSubmit", summary = "Submit your authority's return for a period (or preview it with ?dryRun=true)",
            description = "Checked whole: any broken rule rejects it all with 422 and an errors list of {code, row, column, "
                    + "message}, rows counting the values list from 1. Accepted: a new version (201). Send an Idempotency-Key "
                    + "header to make retries safe. A correction of a stored period needs a reason.")
    public HttpResponse<SubmittedReturn> submit(Authentication authentication, @Body ReturnBody body,
                                                @QueryValue(defaultValue = "false") boolean dryRun,
                                                @Nullable @Header("Idempotency-Key") String idempotencyKey) {
        Caller caller = callers.authorityUser(authentication);
        AuthorityOfTheFilePolicy.check(body.authority(), caller, null);
        List<ReturnLine> lines = new ArrayList<>();
        List<Figure> figures = body.values() == null ? List.of() : body.values();
        for (int i = 0; i < figures.size(); i++) {
            Figure figure = figures.get(i);
            lines.add(new ReturnLine(i + 1, figure.measure() == null ? "" : figure.measure().trim(),
                    new TreeMap<>(figure.breakdown() == null ? Map.of() : figure.breakdown()),
                    figure.value() == null ? null : figure.value().toString()));
        }
        SubmittedReturn result = submitting.submit(caller, new SubmittingAReturn.Submission(body.periodType(), body.period(),
                body.reason(), lines, "API", IdempotencyKeys.check(idempotencyKey), dryRun));
        if (result.dryRun() || result.replayed() || result.unchanged()) {
            return HttpResponse.ok(result);
        }
        return HttpResponse.created(result, URI.create("/api/v1/returns/" + result.periodType() + "/" + result.period()));
    }

    @Get
    @Secured({"AUTHORITY_SUBMITTER", "AUTHORITY_VIEWER", "PLANNER"})
    @Operation(operationId = "returnsList", summary = "Your authority's returns: the current version of each period")
    public List<ReturnVersion> list(Authentication authentication) {
        return reading.periods(callers.authorityUser(authentication));
    }

    @Get("/{periodType}/{period}")
    @Secured({"AUTHORITY_SUBMITTER", "AUTHORITY_VIEWER", "PLANNER"})
    @Operation(operationId = "returnsCurrent", summary = "The current version of a period's return, its derived rates, and the list of every version")
    public ReadingAReturn.ReturnView current(Authentication authentication, @io.swagger.v3.oas.annotations.Parameter(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = PeriodType.class)) @PathVariable String periodType, @PathVariable String period) {
        return reading.view(callers.authorityUser(authentication), periodType, period, null);
    }

    @Get("/{periodType}/{period}/versions/{version}")
    @Secured({"AUTHORITY_SUBMITTER", "AUTHORITY_VIEWER", "PLANNER"})
    @Operation(operationId = "returnsVersion", summary = "An earlier version of a period's return, as it was submitted")
    public ReadingAReturn.ReturnView version(Authentication authentication, @io.swagger.v3.oas.annotations.Parameter(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = PeriodType.class)) @PathVariable String periodType, @PathVariable String period,
                              @PathVariable @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(Integer.MAX_VALUE) int version) {
        return reading.view(callers.authorityUser(authentication), periodType, period, version);
    }
}

package exchange.workforce.returns;

import exchange.workforce.identity.Callers;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A return entered section by section, as the online return pages do it ({@link EnteringAReturn}): start a draft, save
 * each section's answers (checked as they are saved), check the whole, submit it. And one figure of a stored return
 * corrected without sending the rest.
 */
@Controller("/api/v1/returns")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Returns")
@exchange.workforce.problem.ProblemResponses
public class ReturnDraftController {

    private final Callers callers;
    private final EnteringAReturn entering;

    public ReturnDraftController(Callers callers, EnteringAReturn entering) {
        this.callers = callers;
        this.entering = entering;
    }

    @Serdeable
    public record NewDraft(@Schema(implementation = PeriodType.class, requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String periodType,
                           @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026", maxLength = 7) @Nullable String period,
                           @Schema(description = "start from the figures already stored: the period's current version (to correct "
                                   + "it), else your latest earlier return of that kind") @Nullable Boolean fromStoredFigures) {
    }

    @Serdeable
    public record SectionAnswers(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "answers keyed \"measure|breakdown\" "
            + "(\"inpost_fte|\", \"leavers_fte|leaving_reason=RESIGNATION\"): a number, x or z; blank clears an answer")
                                 @Nullable Map<String, String> answers) {
    }

    @Serdeable
    public record Sending(@Schema(example = "Leavers corrected after the payroll audit", description = "needed when the period already has a version",
            maxLength = 2000) @Nullable String reason) {
    }

    @Serdeable
    public record OneFigure(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "leavers_fte|leaving_reason=RESIGNATION",
            description = "the figure, as measure|breakdown (inpost_fte| for a total)", maxLength = 200) @Nullable String figure,
                            @Schema(example = "12.5", description = "the figure as it should be: a number, x or z; blank withdraws it",
                                    maxLength = 40) @Nullable String value,
                            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Two resignations had been recorded as transfers",
                                    maxLength = 2000) @Nullable String reason) {
    }

    @Get("/drafts")
    @Secured({"AUTHORITY_SUBMITTER", "AUTHORITY_VIEWER"})
    @Operation(operationId = "returnDraftsList", summary = "Your council's returns being entered online, the latest changed first")
    public List<ReturnDraft> list(Authentication authentication) {
        return entering.drafts(callers.authorityUser(authentication));
    }

    @exchange.workforce.problem.BodyProblemResponses
    @Post("/drafts")
    @Secured("AUTHORITY_SUBMITTER")
    @Operation(operationId = "returnDraftsStart", summary = "Start entering a return for a period (or get the draft already started)",
            description = "A draft already started for the period is answered as it is: starting again never wipes answers.")
    public ReturnDraft start(Authentication authentication, @Body NewDraft body) {
        return entering.start(callers.authorityUser(authentication), body.periodType(), body.period(), Boolean.TRUE.equals(body.fromStoredFigures()));
    }

    @Get("/drafts/{periodType}/{period}")
    @Secured({"AUTHORITY_SUBMITTER", "AUTHORITY_VIEWER"})
    @Operation(operationId = "returnDraftsGet", summary = "A draft: the answers so far and the sections saved")
    public ReturnDraft one(Authentication authentication, @Parameter(schema = @Schema(implementation = PeriodType.class)) @PathVariable String periodType,
                           @PathVariable String period) {
        return entering.draft(callers.authorityUser(authentication), periodType, period)
                .orElseThrow(() -> exchange.workforce.problem.ApiProblem.notFound("Your council has no draft for " + periodType + " " + period + "."));
    }

    @exchange.workforce.problem.BodyProblemResponses
    @Put("/drafts/{periodType}/{period}/sections/{theme}")
    @Secured("AUTHORITY_SUBMITTER")
    @Operation(operationId = "returnDraftsSaveSection", summary = "Save one section's answers (a theme of the catalogue: workforce, agency, ...)",
            description = "Checked by the return's rules as far as the section alone can be; refused whole (422, each error's field the "
                    + "figure's key) or saved whole. Answers for figures outside the section are ignored.")
    public ReturnDraft saveSection(Authentication authentication, @Parameter(schema = @Schema(implementation = PeriodType.class)) @PathVariable String periodType,
                                   @PathVariable String period, @PathVariable String theme, @Body SectionAnswers body) {
        return entering.saveSection(callers.authorityUser(authentication), periodType, period, theme,
                body.answers() == null ? Map.of() : body.answers());
    }

    @exchange.workforce.problem.BodyProblemResponses
    @Post("/drafts/{periodType}/{period}/submission")
    @Secured("AUTHORITY_SUBMITTER")
    @ApiResponse(responseCode = "201", description = "Stored as a new version; the draft is gone",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SubmittedReturn.class)))
    @ApiResponse(responseCode = "200", description = "A dry run, a retry with the same Idempotency-Key, or figures the same as the current "
            + "version (unchanged: nothing stored)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SubmittedReturn.class)))
    @Operation(operationId = "returnDraftsSubmit", summary = "Submit a draft as a new version of the period's return (or check it with ?dryRun=true)")
    public HttpResponse<SubmittedReturn> submit(Authentication authentication,
                                                @Parameter(schema = @Schema(implementation = PeriodType.class)) @PathVariable String periodType,
                                                @PathVariable String period, @Nullable @Body Sending body,
                                                @QueryValue(defaultValue = "false") boolean dryRun,
                                                @Nullable @Header("Idempotency-Key") String idempotencyKey) {
        String reason = body == null ? null : body.reason();
        var caller = callers.authorityUser(authentication);
        SubmittedReturn result = dryRun ? entering.check(caller, periodType, period, reason)
                : entering.submit(caller, periodType, period, reason, IdempotencyKeys.check(idempotencyKey));
        return answer(result);
    }

    @Delete("/drafts/{periodType}/{period}")
    @Secured("AUTHORITY_SUBMITTER")
    @ApiResponse(responseCode = "204", description = "The draft is gone (or there was none); stored versions are untouched")
    @Operation(operationId = "returnDraftsDiscard", summary = "Throw a draft away")
    public HttpResponse<Void> discard(Authentication authentication, @Parameter(schema = @Schema(implementation = PeriodType.class)) @PathVariable String periodType,
                                      @PathVariable String period) {
        entering.discard(callers.authorityUser(authentication), periodType, period);
        return HttpResponse.noContent();
    }

    @exchange.workforce.problem.BodyProblemResponses
    @Post("/{periodType}/{period}/corrections")
    @Secured("AUTHORITY_SUBMITTER")
    @ApiResponse(responseCode = "201", description = "A new version: every other figure as it was, this one corrected",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SubmittedReturn.class)))
    @ApiResponse(responseCode = "200", description = "A retry with the same Idempotency-Key, or the figure already as given (unchanged: nothing stored)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SubmittedReturn.class)))
    @Operation(operationId = "returnsCorrectOneFigure", summary = "Correct one figure of the period's current return, with a reason")
    public HttpResponse<SubmittedReturn> correct(Authentication authentication,
                                                 @Parameter(schema = @Schema(implementation = PeriodType.class)) @PathVariable String periodType,
                                                 @PathVariable String period, @Body OneFigure body,
                                                 @Nullable @Header("Idempotency-Key") String idempotencyKey) {
        return answer(entering.correctOneFigure(callers.authorityUser(authentication), periodType, period,
                body.figure() == null ? "" : body.figure().trim(), body.value(), body.reason(), IdempotencyKeys.check(idempotencyKey)));
    }

    private static HttpResponse<SubmittedReturn> answer(SubmittedReturn result) {
        if (result.dryRun() || result.replayed() || result.unchanged()) {
            return HttpResponse.ok(result);
        }
        return HttpResponse.created(result, URI.create("/api/v1/returns/" + result.periodType() + "/" + result.period()));
    }
}

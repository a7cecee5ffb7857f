package exchange.workforce.memorandum;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;

/** A region's memorandum as it stands on a date: terms in force and members. Readable by any signed-in user. */
@Controller("/api/v1/regions/{code}/memorandum")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@ReadOnly
@Tag(name = "Memorandum")
@exchange.workforce.problem.ProblemResponses
public class MemorandumController {

    private final Memoranda memoranda;

    public MemorandumController(Memoranda memoranda) {
        this.memoranda = memoranda;
    }

    @Get
    @Operation(operationId = "memorandumMemorandum", summary = "The memorandum on a date (default today): terms in force and members")
    public Memoranda.Memorandum memorandum(@PathVariable String code, @QueryValue @Nullable LocalDate on) {
        return memoranda.memorandum(code, on);
    }

    @Get("/terms")
    @Operation(operationId = "memorandumTerms", summary = "Every version of the memorandum's terms, newest first")
    public List<MemorandumTerms> terms(@PathVariable String code) {
        return memoranda.terms(code);
    }
}

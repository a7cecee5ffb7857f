package exchange.workforce.memorandum;

import exchange.workforce.problem.ApiProblem;
import exchange.workforce.tenancy.Region;
import exchange.workforce.tenancy.Regions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
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

    private final java.time.Clock clock;
    private final Regions regions;
    private final MemorandumDao memoranda;

    public MemorandumController(Regions regions, MemorandumDao memoranda, java.time.Clock clock) {
        this.clock = clock;
        this.regions = regions;
        this.memoranda = memoranda;
    }

    @Serdeable
    public record Memorandum(Region region, LocalDate on, @Nullable MemorandumTerms termsInForce, List<Membership> members) {
    }

    @Get
    @Operation(operationId = "memorandumMemorandum", summary = "The memorandum on a date (default today): terms in force and members")
    public Memorandum memorandum(@PathVariable String code, @QueryValue @Nullable LocalDate on) {
        Region region = region(code);
        LocalDate date = on == null ? LocalDate.now(clock) : on;
        return new Memorandum(region, date, memoranda.termsInForce(region.code(), date).orElse(null),
                memoranda.membersOn(region.code(), date));
    }

    @Get("/terms")
    @Operation(operationId = "memorandumTerms", summary = "Every version of the memorandum's terms, newest first")
    public List<MemorandumTerms> terms(@PathVariable String code) {
        return memoranda.termsHistory(region(code).code());
    }

    private Region region(String code) {
        return regions.region(code).orElseThrow(() -> ApiProblem.notFound("There is no region '" + code
                + "'. Regions are named by ONS code, e.g. E12000008 for the South East."));
    }
}

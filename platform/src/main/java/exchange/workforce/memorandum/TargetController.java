package exchange.workforce.memorandum;

import exchange.workforce.identity.Callers;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.List;

/** A region's targets: set and withdrawn by its administrator, read by its regional users. Region from the token. */
@Controller("/api/v1/region/targets")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Region administration")
@exchange.workforce.problem.ProblemResponses
public class TargetController {

    private final Callers callers;
    private final Targets targets;

    public TargetController(Callers callers, Targets targets) {
        this.callers = callers;
        this.targets = targets;
    }

    @Get
    @Secured({"REGION_ADMIN", "REGIONAL_VIEWER"})
    @Operation(operationId = "targetsList", summary = "Your memorandum's targets, withdrawn ones included")
    public List<MemorandumTarget> list(Authentication authentication) {
        return targets.list(callers.regionalUser(authentication));
    }

    @exchange.workforce.problem.BodyProblemResponses
    @Post
    @Secured("REGION_ADMIN")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "targetsSet", summary = "Set a target for your memorandum",
            description = "measure (a catalogue code), comparison AT_LEAST or AT_MOST, value, source (whose commitment it is), "
                    + "effectiveFrom and optionally effectiveTo. Benchmarks of your region show it beside the headline.")
    public MemorandumTarget set(Authentication authentication, @Body @Valid NewTarget target) {
        return targets.set(callers.regionalUser(authentication), target);
    }

    @exchange.workforce.problem.BodyProblemResponses
    @Post("/{id}/withdraw")
    @Secured("REGION_ADMIN")
    @Operation(operationId = "targetsWithdraw", summary = "Withdraw one of your memorandum's targets (it stays in the list, marked withdrawn)")
    public MemorandumTarget withdraw(Authentication authentication, @PathVariable String id) {
        return targets.withdraw(callers.regionalUser(authentication), id);
    }
}

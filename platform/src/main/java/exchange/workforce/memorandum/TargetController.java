package exchange.workforce.memorandum;

import exchange.workforce.audit.AuditAction;
import exchange.workforce.audit.AuditTrail;
import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import exchange.workforce.measures.MeasureCatalogue;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.ProblemCode;
import exchange.workforce.tenancy.TenantTransactions;
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

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A region's targets: set and withdrawn by its administrator, read by its regional users. Region from the token. */
@Controller("/api/v1/region/targets")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Region administration")
@exchange.workforce.problem.ProblemResponses
public class TargetController {

    private final Callers callers;
    private final TenantTransactions transactions;
    private final TargetDao targets;
    private final MeasureCatalogue catalogue;
    private final AuditTrail audit;

    public TargetController(Callers callers, TenantTransactions transactions, TargetDao targets, MeasureCatalogue catalogue,
                            AuditTrail audit) {
        this.callers = callers;
        this.transactions = transactions;
        this.targets = targets;
        this.catalogue = catalogue;
        this.audit = audit;
    }

    @Get
    @Secured({"REGION_ADMIN", "REGIONAL_VIEWER"})
    @Operation(operationId = "targetsList", summary = "Your memorandum's targets, withdrawn ones included")
    public List<MemorandumTarget> list(Authentication authentication) {
        Caller caller = callers.regionalUser(authentication);
        return transactions.read(caller, () -> targets.ofRegion(caller.regionCode().orElseThrow()));
    }

    @Post
    @Secured("REGION_ADMIN")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "targetsSet", summary = "Set a target for your memorandum",
            description = "measure (a catalogue code), comparison AT_LEAST or AT_MOST, value, source (whose commitment it is), "
                    + "effectiveFrom and optionally effectiveTo. Benchmarks of your region show it beside the headline.")
    public MemorandumTarget set(Authentication authentication, @Body @Valid NewTarget target) {
        Caller caller = callers.regionalUser(authentication);
        String region = caller.regionCode().orElseThrow();
        MeasureCatalogue.Measure measure = measure(target.measure().trim());
        if (target.value().signum() < 0 || ("percent".equals(measure.unit()) && target.value().compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "value", "value: " + measure.label() + " is "
                    + ("percent".equals(measure.unit()) ? "a percentage; give 0 to 100" : "never negative") + ", not " + target.value() + ".");
        }
        if (target.effectiveTo() != null && !target.effectiveTo().isAfter(target.effectiveFrom())) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "effectiveTo", "effectiveTo (" + target.effectiveTo()
                    + ") must be after effectiveFrom (" + target.effectiveFrom() + ").");
        }
        return transactions.write(caller, () -> {
            UUID id = targets.insert(region, target, caller.user());
            audit.record(caller, AuditAction.TARGET_SET, "memorandum_target", id.toString(), Map.of("measure", measure.code(),
                    "comparison", target.comparison(), "value", target.value().toPlainString()));
            return targets.ofRegion(region).stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
        });
    }

    @Post("/{id}/withdraw")
    @Secured("REGION_ADMIN")
    @Operation(operationId = "targetsWithdraw", summary = "Withdraw one of your memorandum's targets (it stays in the list, marked withdrawn)")
    public MemorandumTarget withdraw(Authentication authentication, @PathVariable String id) {
        Caller caller = callers.regionalUser(authentication);
        String region = caller.regionCode().orElseThrow();
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("There is no target " + id + " in your memorandum.");
        }
        return transactions.write(caller, () -> {
            if (!targets.withdraw(region, uuid)) {
                throw ApiProblem.notFound("There is no target " + id + " in your memorandum that is not already withdrawn.");
            }
            audit.record(caller, AuditAction.TARGET_WITHDRAWN, "memorandum_target", id, Map.of());
            return targets.ofRegion(region).stream().filter(t -> t.id().equals(uuid)).findFirst().orElseThrow();
        });
    }

    private MeasureCatalogue.Measure measure(String code) {
        return catalogue.measure(code).orElseThrow(() -> new ApiProblem(ProblemCode.VALIDATION_FAILED, "measure",
                "measure: '" + code + "' is not a measure" + catalogue.didYouMean(code) + " GET /api/v1/measures lists them."));
    }
}

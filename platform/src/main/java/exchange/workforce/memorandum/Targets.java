package exchange.workforce.memorandum;

import exchange.workforce.audit.AuditAction;
import exchange.workforce.audit.AuditTrail;
import exchange.workforce.identity.Caller;
import exchange.workforce.measures.MeasureCatalogue;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.ProblemCode;
import exchange.workforce.tenancy.TenantTransactions;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The memorandum's targets: listed, set and withdrawn by the region (one use case under the API,
 * {@link TargetController}, and the page, {@link MemorandumPage}); each change audited.
 */
@Singleton
public class Targets {

    private final TenantTransactions transactions;
    private final TargetDao targets;
    private final MeasureCatalogue catalogue;
    private final AuditTrail audit;

    public Targets(TenantTransactions transactions, TargetDao targets, MeasureCatalogue catalogue, AuditTrail audit) {
        this.transactions = transactions;
        this.targets = targets;
        this.catalogue = catalogue;
        this.audit = audit;
    }

    /** The caller's region's targets, withdrawn ones included. */
    public List<MemorandumTarget> list(Caller caller) {
        return transactions.read(caller, () -> targets.ofRegion(caller.regionCode().orElseThrow()));
    }

    /** Sets a target for the caller's region's memorandum. */
    public MemorandumTarget set(Caller caller, @Valid NewTarget target) {
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

    /** Withdraws one of the region's targets (it stays in the list, marked withdrawn); 404 for none such. */
    public MemorandumTarget withdraw(Caller caller, String id) {
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

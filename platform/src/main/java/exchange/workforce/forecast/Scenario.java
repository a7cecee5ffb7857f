package exchange.workforce.forecast;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A planner's named change to the baseline: turnover lower by some percentage points, more newly qualified social
 * workers a year (FTE), a share of the agency workforce converted to permanent each year, a different caseload target.
 */
@Serdeable
public record Scenario(UUID id, String name, BigDecimal turnoverReductionPoints, BigDecimal extraNewlyQualifiedFte,
                       BigDecimal agencyConversionPercent, @Nullable BigDecimal caseloadTarget, String owner, String createdBy,
                       Instant createdAt, String changes) {

    Scenario(UUID id, String name, BigDecimal turnoverReductionPoints, BigDecimal extraNewlyQualifiedFte, BigDecimal agencyConversionPercent,
             @Nullable BigDecimal caseloadTarget, String owner, String createdBy, Instant createdAt) {
        this(id, name, turnoverReductionPoints, extraNewlyQualifiedFte, agencyConversionPercent, caseloadTarget, owner, createdBy, createdAt,
                describe(turnoverReductionPoints, extraNewlyQualifiedFte, agencyConversionPercent, caseloadTarget));
    }

    /** What a scenario changes, in words. */
    static String describe(BigDecimal turnoverReductionPoints, BigDecimal extraNewlyQualifiedFte, BigDecimal agencyConversionPercent,
                           @Nullable BigDecimal caseloadTarget) {
        java.util.List<String> changes = new java.util.ArrayList<>();
        if (turnoverReductionPoints.signum() != 0) {
            changes.add("turnover " + turnoverReductionPoints.abs().stripTrailingZeros().toPlainString() + " points "
                    + (turnoverReductionPoints.signum() > 0 ? "lower" : "higher"));
        }
        if (extraNewlyQualifiedFte.signum() != 0) {
            changes.add(extraNewlyQualifiedFte.stripTrailingZeros().toPlainString() + " more newly qualified FTE a year");
        }
        if (agencyConversionPercent.signum() != 0) {
            changes.add(agencyConversionPercent.stripTrailingZeros().toPlainString() + "% of agency FTE converted to permanent each year");
        }
        if (caseloadTarget != null) {
            changes.add("caseload target " + caseloadTarget.stripTrailingZeros().toPlainString());
        }
        return changes.isEmpty() ? "no change from the baseline" : String.join("; ", changes);
    }

    double turnoverReduction() {
        return turnoverReductionPoints.doubleValue() / 100;
    }

    double extraStarters() {
        return extraNewlyQualifiedFte.doubleValue();
    }

    double agencyConversion() {
        return agencyConversionPercent.doubleValue() / 100;
    }
}

package exchange.workforce.agency;

import java.math.BigDecimal;

/**
 * The hourly cost of the worker (pay, employer's National Insurance, apprenticeship levy and holiday pay) within the
 * region's cap for the role type in force on the start date. Above it, the assignment is allowed only with sign-off by
 * the Director of Children's Services and the Chief Executive, reported to the region.
 */
final class PriceCapRule implements AgencyRule {

    @Override
    public String code() {
        return "PRICE_CAP";
    }

    @Override
    public String source() {
        return STATUTORY_GUIDANCE + ", price caps; the region's caps as its administrator set them";
    }

    @Override
    public Verdict judge(Proposal proposal) {
        BigDecimal cost = proposal.cappedCost();
        PriceCap cap = proposal.cap();
        if (cap == null) {
            // no cap known is not a pass: DfE's return must not say the assignment was within a cap nobody set here
            return Verdict.notChecked(this, "Not checked: no cap for " + proposal.roleType().label().toLowerCase(java.util.Locale.UK)
                    + " in force on " + proposal.startDate() + " is recorded for your region, so the platform cannot say whether £"
                    + money(cost) + " an hour is within the cap your region agreed. Ask your region administrator to record the "
                    + "region's caps; until then DfE's return shows this rule as not checked.");
        }
        String against = "£" + money(cost) + " an hour (pay, employer's National Insurance, apprenticeship levy and holiday pay) "
                + "against the cap of £" + money(cap.hourlyCap()) + " in force from " + cap.effectiveFrom();
        if (cost.compareTo(cap.hourlyCap()) <= 0) {
            return Verdict.pass(this, against + ".");
        }
        return new Verdict(code(), Verdict.Outcome.NEEDS_SIGN_OFF, against + ": £" + money(cost.subtract(cap.hourlyCap()))
                + " over. Allowed only with sign-off by the Director of Children's Services and the Chief Executive, "
                + "reported to the region.", null, source());
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}

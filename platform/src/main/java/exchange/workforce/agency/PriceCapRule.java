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
            return Verdict.pass(this, "Your region has set no cap for " + proposal.roleType().label().toLowerCase(java.util.Locale.UK)
                    + " in force on " + proposal.startDate() + "; £" + money(cost) + " an hour is recorded as the cost.");
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

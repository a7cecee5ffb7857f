package exchange.workforce.agency;

import exchange.workforce.tenancy.Authority;
import exchange.workforce.tenancy.Regions;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verdicts follow the facts: an assignment's price-cap verdict as the caps now recorded give it, for the cap in force
 * on its start date. A cap the region records after an assignment was recorded still judges it; where that changes the
 * verdict, the register and DfE's return show the new one and say what it was when recorded (the stored verdict stays
 * as history). A breach that appears this way with no sign-off recorded says so, as any breach would.
 */
@Singleton
class VerdictsAsTheyStand {

    private static final PriceCapRule PRICE_CAP = new PriceCapRule();

    private final AgencyDao agency;
    private final Regions regions;

    VerdictsAsTheyStand(AgencyDao agency, Regions regions) {
        this.agency = agency;
        this.regions = regions;
    }

    /** Inside the caller's transaction: the council's assignments with their price-cap verdict as it stands today. */
    List<Assignment> of(String authority, List<Assignment> assignments) {
        String region = regions.authority(authority).map(Authority::regionCode).orElse(null);
        Map<String, Optional<PriceCap>> caps = new HashMap<>();
        List<Assignment> judged = new ArrayList<>();
        for (Assignment a : assignments) {
            PriceCap cap = region == null ? null : caps.computeIfAbsent(a.roleType() + "|" + a.startDate(),
                    k -> agency.capInForce(region, a.roleType(), a.startDate())).orElse(null);
            Proposal facts = new Proposal(a.roleType(), a.startDate(), a.hourlyPay(), a.employerNi(), a.apprenticeshipLevy(), a.holidayPay(),
                    null, a.postQualifyingMonths(), a.noticeWeeks(), null, a.projectTeam(), a.projectApprovedOn(), null, cap, null);
            Verdict now = PRICE_CAP.judge(facts);
            Verdict recorded = a.verdicts().stream().filter(v -> v.rule().equals(PRICE_CAP.code())).findFirst().orElse(null);
            if (recorded != null && recorded.outcome() == now.outcome()) {
                judged.add(a);
                continue;
            }
            String unsigned = now.outcome() == Verdict.Outcome.NEEDS_SIGN_OFF && a.signOff() == null
                    ? " No sign-off is recorded: correct the assignment with the Director's and the Chief Executive's sign-off." : "";
            Verdict again = new Verdict(now.rule(), now.outcome(), "Judged again with the caps now recorded (it was "
                    + (recorded == null ? "not judged" : recorded.outcome().name()) + " when recorded): " + now.reason() + unsigned,
                    now.until(), now.source());
            List<Verdict> verdicts = new ArrayList<>(a.verdicts().stream().filter(v -> !v.rule().equals(PRICE_CAP.code())).toList());
            verdicts.add(again);
            judged.add(a.withVerdicts(verdicts));
        }
        return judged;
    }
}

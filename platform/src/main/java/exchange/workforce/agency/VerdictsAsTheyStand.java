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
 * Verdicts follow the facts: an assignment's price-cap, cooling-off and references verdicts as the caps, leavers and
 * references now recorded give them, for its start date. A cap the region records after an assignment was recorded, a
 * permanent leaving a member records later, or references provided since still judge it; where that changes a verdict,
 * the register and DfE's return show the new one and say what it was when recorded (the stored verdict stays as
 * history). A breach that appears this way says what it needs (a sign-off, an exception's reason), as any breach would.
 */
@Singleton
class VerdictsAsTheyStand {

    private static final PriceCapRule PRICE_CAP = new PriceCapRule();
    private static final CoolingOffRule COOLING_OFF = new CoolingOffRule();
    private static final ReferencesRule REFERENCES = new ReferencesRule();

    private final AgencyDao agency;
    private final AssignmentDao assignments;
    private final Regions regions;

    VerdictsAsTheyStand(AgencyDao agency, AssignmentDao assignments, Regions regions) {
        this.agency = agency;
        this.assignments = assignments;
        this.regions = regions;
    }

    /** Inside the caller's transaction: the council's assignments with their verdicts as they stand today. */
    List<Assignment> of(String authority, List<Assignment> assignments) {
        String region = regions.authority(authority).map(Authority::regionCode).orElse(null);
        Map<String, Optional<PriceCap>> caps = new HashMap<>();
        Map<java.util.UUID, AssignmentDao.Facts> facts = assignments.isEmpty() ? Map.of() : this.assignments.facts(authority);
        List<Assignment> judged = new ArrayList<>();
        for (Assignment a : assignments) {
            PriceCap cap = region == null ? null : caps.computeIfAbsent(a.roleType() + "|" + a.startDate(),
                    k -> agency.capInForce(region, a.roleType(), a.startDate())).orElse(null);
            AssignmentDao.Facts known = facts.get(a.assignmentId());
            java.time.LocalDate coolingOffUntil = known == null ? null : agency.coolingOffUntil(known.worker(), a.startDate()).orElse(null);
            Integer references = known == null || known.engagementId() == null ? null
                    : agency.referencesProvided(known.engagementId(), known.worker()).orElse(null);
            Proposal now = new Proposal(a.roleType(), a.startDate(), a.hourlyPay(), a.employerNi(), a.apprenticeshipLevy(), a.holidayPay(),
                    null, a.postQualifyingMonths(), a.noticeWeeks(), null, a.projectTeam(), a.projectApprovedOn(), coolingOffUntil, cap, references);
            List<Verdict> verdicts = new ArrayList<>(a.verdicts());
            boolean changed = again(a, verdicts, PRICE_CAP.judge(now), "the caps now recorded");
            if (known != null) {
                changed |= again(a, verdicts, COOLING_OFF.judge(now), "the permanent leavers now recorded");
                changed |= again(a, verdicts, REFERENCES.judge(now), "the references now provided");
            }
            judged.add(changed ? a.withVerdicts(verdicts) : a);
        }
        return judged;
    }

    /** Puts the rule's verdict today in place of the recorded one where they differ, saying what it was; whether it did. */
    private static boolean again(Assignment a, List<Verdict> verdicts, Verdict now, String facts) {
        int at = -1;
        for (int i = 0; i < verdicts.size(); i++) {
            if (verdicts.get(i).rule().equals(now.rule())) {
                at = i;
            }
        }
        Verdict recorded = at < 0 ? null : verdicts.get(at);
        if (recorded != null && recorded.outcome() == now.outcome()) {
            return false;
        }
        String needs = now.outcome() == Verdict.Outcome.NEEDS_SIGN_OFF && a.signOff() == null
                ? " No sign-off is recorded: correct the assignment with the Director's and the Chief Executive's sign-off."
                : now.outcome() == Verdict.Outcome.FAIL && !a.exceptions().containsKey(now.rule())
                ? " No exception is recorded: end the assignment, or correct it with the reason it goes ahead." : "";
        Verdict again = new Verdict(now.rule(), now.outcome(), "Judged again with " + facts + " (it was "
                + (recorded == null ? "not judged" : recorded.outcome().name()) + " when recorded): " + now.reason() + needs,
                now.until(), now.source());
        if (at < 0) {
            verdicts.add(again);
        } else {
            verdicts.set(at, again);
        }
        return true;
    }
}

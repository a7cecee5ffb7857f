package exchange.workforce.agency;

import exchange.workforce.audit.AuditAction;
import exchange.workforce.audit.AuditTrail;
import exchange.workforce.identity.Caller;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.ProblemCode;
import exchange.workforce.returns.Period;
import exchange.workforce.returns.PeriodType;
import exchange.workforce.tenancy.Regions;
import exchange.workforce.tenancy.TenantTransactions;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The agency assignment register: each assignment recorded with the rules' verdicts as they stood, a cost over the cap
 * only with the recorded sign-off, a rule not met only with its reason ({@link RecordingPolicy}); corrected by new
 * versions with a reason. Out of it: DfE's quarterly return for the council, and the region's compliance view.
 */
@Singleton
public class AssignmentRegister {

    private final AgencyRules rules;
    private final VerdictsAsTheyStand verdictsNow;
    private final AssignmentDao assignments;
    private final exchange.workforce.worker.RegistrationNumberSeal seal;
    private final TenantTransactions transactions;
    private final AuditTrail audit;
    private final Regions regions;

    public AssignmentRegister(AgencyRules rules, AssignmentDao assignments, TenantTransactions transactions, AuditTrail audit, Regions regions,
                              VerdictsAsTheyStand verdictsNow, exchange.workforce.worker.RegistrationNumberSeal seal) {
        this.seal = seal;
        this.verdictsNow = verdictsNow;
        this.rules = rules;
        this.assignments = assignments;
        this.transactions = transactions;
        this.audit = audit;
        this.regions = regions;
    }

    /** A member's compliance in a quarter: named only to its own region's users. */
    @Serdeable
    /** @param recordedAnything whether the council recorded any assignment or monthly agency spend for the quarter: a council
     *                         that records nothing is listed too, so the region sees who is silent rather than nobody */
    public record MemberCompliance(String authorityCode, String name, long assignments, long capBreaches, long capBreachesSignedOff,
                                   long coolingOffNotMet, long withExceptions, BigDecimal hourlyCostOfAllAssignments,
                                   @io.micronaut.core.annotation.Nullable BigDecimal agencySpend, long agencySpendMonths,
                                   boolean recordedAnything) {
    }

    static final String CORRECTION_REASON = "reason: say why the assignment is corrected (up to 1,000 characters): a correction is "
            + "a new version beside the old, never an edit";

    static boolean hasCorrectionReason(NewAssignment assignment) {
        return assignment.reason() != null && !assignment.reason().isBlank() && assignment.reason().length() <= 1000;
    }

    /** A recording's outcome: the assignment as it now stands, and whether the register already held exactly this. */
    public record Recorded(Assignment assignment, boolean unchanged) {
    }

    /**
     * Records an assignment, known by its worker, role type and start date: the same again changes nothing (and says
     * so); a change to one recorded is a correction, which needs a reason; anything else is a new assignment.
     */
    public Recorded record(Caller caller, NewAssignment assignment) {
        AgencyRules.Judged judged = rules.judge(caller, assignment.proposal());
        RecordingPolicy.check(assignment, judged.verdicts());
        return transactions.write(caller, () -> {
            Identified identified = identify(caller, judged, assignment, null);
            if (identified.unchanged()) {
                return new Recorded(assignments.current(caller.authorityCode().orElseThrow(), identified.assignmentId()).orElseThrow(), true);
            }
            return new Recorded(insert(caller, identified.assignmentId(), identified.version(), judged, assignment), false);
        });
    }

    /** Where a row or form goes in the register: its assignment, the version it would be, or that it is already there as it is. */
    record Identified(UUID assignmentId, int version, boolean unchanged) {
    }

    /**
     * Inside a write transaction: which assignment this is. A row naming its assignment ({@code correcting}) corrects
     * that one; otherwise the council's assignment of the same worker, role type and start date, if there is one: the
     * same as recorded is unchanged, different needs a reason and is a correction. Refuses (with the reason in words)
     * a change without a reason, and a correction of an assignment the council does not have.
     */
    Identified identify(Caller caller, AgencyRules.Judged judged, NewAssignment assignment, UUID correcting) {
        String authority = caller.authorityCode().orElseThrow();
        if (correcting != null) {
            int version = nextVersion(caller, correcting, true).orElseThrow(() -> ApiProblem.notFound(
                    "There is no assignment " + correcting + " of your council to correct; leave its id out to record a new one."));
            return new Identified(correcting, version, false);
        }
        java.util.Optional<AssignmentDao.Recorded> same = assignments.same(authority, judged.worker(), judged.proposal().roleType(),
                assignment.startDate());
        if (same.isEmpty()) {
            return new Identified(UUID.randomUUID(), 1, false);
        }
        AssignmentDao.Recorded recorded = same.get();
        if (assignments.fingerprint(judged.worker(), assignment).equals(recorded.fingerprint())) {
            return new Identified(recorded.assignmentId(), recorded.version(), true);
        }
        if (!hasCorrectionReason(assignment)) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "reason", "This worker's " + judged.proposal().roleType().label()
                    .toLowerCase(java.util.Locale.UK) + " assignment starting " + assignment.startDate() + " is already recorded (assignment "
                    + recorded.assignmentId() + ") with different details. To correct it, say why in reason (up to 1,000 "
                    + "characters): a correction is a new version beside the old, never an edit.");
        }
        assignments.lock(recorded.assignmentId());
        return new Identified(recorded.assignmentId(), recorded.version() + 1, false);
    }

    public Assignment correct(Caller caller, UUID assignmentId, NewAssignment assignment) {
        if (!hasCorrectionReason(assignment)) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "reason", CORRECTION_REASON);
        }
        return store(caller, assignmentId, assignment, true);
    }

    private Assignment store(Caller caller, UUID assignmentId, NewAssignment assignment, boolean correction) {
        AgencyRules.Judged judged = rules.judge(caller, assignment.proposal());
        RecordingPolicy.check(assignment, judged.verdicts());
        return transactions.write(caller, () -> {
            int version = nextVersion(caller, assignmentId, correction).orElseThrow(() -> ApiProblem.notFound(
                    "There is no assignment " + assignmentId + " of your council."));
            return insert(caller, assignmentId, version, judged, assignment);
        });
    }

    /**
     * Inside a write transaction: locks the assignment and answers the version a new record of it would be — 1 for a new
     * assignment, one more than the latest for a correction, nothing if the caller's council has no such assignment.
     */
    java.util.OptionalInt nextVersion(Caller caller, UUID assignmentId, boolean correction) {
        assignments.lock(assignmentId);
        if (!correction) {
            return java.util.OptionalInt.of(1);
        }
        return assignments.current(caller.authorityCode().orElseThrow(), assignmentId)
                .map(current -> java.util.OptionalInt.of(current.version() + 1)).orElse(java.util.OptionalInt.empty());
    }

    /** Inside a write transaction: stores a version already judged and checked, with its audit event. */
    Assignment insert(Caller caller, UUID assignmentId, int version, AgencyRules.Judged judged, NewAssignment assignment) {
        String authority = caller.authorityCode().orElseThrow();
        assignments.insert(assignmentId, version, authority, judged.worker(), judged.proposal().roleType(), assignment,
                judged.verdicts(), caller.user(), seal.seal(exchange.workforce.worker.RegistrationNumber.parse(assignment.registrationNumber(),
                        "registrationNumber"), authority, assignmentId));
        audit.record(caller, version > 1 ? AuditAction.AGENCY_ASSIGNMENT_CORRECTED : AuditAction.AGENCY_ASSIGNMENT_RECORDED,
                "agency_assignment", assignmentId + "/v" + version, Map.of("signedOff", assignment.signOff() != null,
                        "exceptions", assignment.exceptions() == null ? 0 : assignment.exceptions().size()));
        return assignments.current(authority, assignmentId).orElseThrow();
    }

    public List<Assignment> current(Caller caller) {
        String authority = caller.authorityCode().orElseThrow();
        return transactions.read(caller, () -> verdictsNow.of(authority, assignments.latest(authority)));
    }

    public List<Assignment> versions(Caller caller, UUID assignmentId) {
        List<Assignment> found = transactions.read(caller, () -> assignments.versions(caller.authorityCode().orElseThrow(), assignmentId));
        if (found.isEmpty()) {
            throw ApiProblem.notFound("There is no assignment " + assignmentId + " of your council.");
        }
        return found;
    }

    /** The caller's region's members' compliance in a quarter (counts; members are named to their own region only). */
    public List<MemberCompliance> compliance(Caller caller, String quarter) {
        Period period = quarter(quarter);
        Map<String, MemberCompliance> recorded = new java.util.LinkedHashMap<>();
        transactions.read(caller, () -> assignments.compliance(period.start(), period.end())).forEach(c -> recorded.put(c.authorityCode(),
                new MemberCompliance(c.authorityCode(), regions.authority(c.authorityCode()).map(a -> a.name()).orElse(c.authorityCode()),
                        c.assignments(), c.capBreaches(), c.signedOff(), c.coolingOff(), c.exceptions(), c.hourlyCost(), c.agencySpend(),
                        c.spendMonths(), true)));
        // every council of the region that existed in the quarter, those that recorded nothing as well
        List<MemberCompliance> all = new java.util.ArrayList<>();
        for (exchange.workforce.tenancy.Authority member : regions.authorities(caller.regionCode().orElseThrow())) {
            if (!member.existedOn(period.end()) && !member.existedOn(period.start())) {
                continue;
            }
            MemberCompliance found = recorded.remove(member.code());
            all.add(found != null ? found : new MemberCompliance(member.code(), member.name(), 0, 0, 0, 0, 0, BigDecimal.ZERO, null, 0, false));
        }
        all.addAll(recorded.values());
        all.sort(java.util.Comparator.comparing(MemberCompliance::name));
        return all;
    }

    /**
     * One agency's record with the region's members in a quarter: how many councils it supplied, assignments active,
     * over the region's cap in force on their start date, notice and cooling-off not met, recorded with exceptions, the
     * mean capped cost an hour, and end-of-placement reviews of its workers ending in the quarter (how many rated an area
     * of practice as requiring improvement or inadequate), and of its assignments that ended in the quarter, how many
     * because the worker became the council's permanent employee (as the council said when ending it). Counts only: no
     * council and no worker is named.
     */
    @Serdeable
    public record SupplierScore(String agency, long councils, long assignments, long capBreaches, long noticeNotMet, long coolingOffNotMet,
                                long withExceptions, BigDecimal meanHourlyCost, long placementReviews, long reviewsBelowGood,
                                long ended, long convertedToPermanent) {
    }

    /** The region's supplier scorecard for a quarter: every agency its members engaged, busiest first. */
    public List<SupplierScore> suppliers(Caller caller, String quarter) {
        Period period = quarter(quarter);
        caller.regionCode().orElseThrow();
        return transactions.read(caller, () -> assignments.suppliers(period.start(), period.end()));
    }

    static boolean active(Assignment a, Period quarter) {
        java.time.LocalDate end = a.actualEndDate() != null ? a.actualEndDate() : a.plannedEndDate();
        return !a.startDate().isAfter(quarter.end()) && (end == null || !end.isBefore(quarter.start()));
    }

    static Period quarter(String quarter) {
        return Period.parse(PeriodType.QUARTER, quarter == null ? "" : quarter.trim()).orElseThrow(() -> new ApiProblem(ProblemCode.VALIDATION_FAILED,
                "quarter", "quarter: give it as YYYY-Qn, e.g. 2026-Q3 (July to September 2026); '" + quarter + "' is not one."));
    }

}

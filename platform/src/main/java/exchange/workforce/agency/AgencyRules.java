package exchange.workforce.agency;

import exchange.workforce.audit.AuditAction;
import exchange.workforce.audit.AuditTrail;
import exchange.workforce.identity.Caller;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.Problem;
import exchange.workforce.problem.ProblemCode;
import exchange.workforce.tenancy.TenantTransactions;
import exchange.workforce.worker.Pseudonym;
import exchange.workforce.worker.Pseudonymiser;
import exchange.workforce.worker.RegistrationNumber;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The agency rules as a service: the pre-engagement check (every rule's verdict at once, nothing stored), permanent
 * leavers (what cooling-off is checked against) and the region's price caps. The authority and region come from the
 * verified token; row-level security and one SECURITY DEFINER function (cooling_off_until) hold the lines between
 * councils.
 */
@Singleton
public class AgencyRules {

    static final List<AgencyRule> RULES = List.of(new CoolingOffRule(), new PriceCapRule(), new ExperienceRule(), new NoticeRule(),
            new ProjectTeamRule(), new ReferencesRule());

    private final AgencyDao agency;
    private final Pseudonymiser pseudonymiser;
    private final TenantTransactions transactions;
    private final AuditTrail audit;
    private final Clock clock;

    public AgencyRules(AgencyDao agency, Pseudonymiser pseudonymiser, TenantTransactions transactions, AuditTrail audit, Clock clock) {
        this.agency = agency;
        this.pseudonymiser = pseudonymiser;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every rule's verdict on a proposed assignment for the caller's council; stores and records nothing. */
    public List<Verdict> check(Caller caller, ProposedAssignment proposed) {
        return judge(caller, proposed).verdicts();
    }

    /** A proposal judged: the worker's pseudonym, what the rules saw and what they said. */
    record Judged(Pseudonym worker, Proposal proposal, List<Verdict> verdicts) {
    }

    /** The proposal checked for form, its facts looked up as the caller, and every rule's verdict. */
    Judged judge(Caller caller, ProposedAssignment proposed) {
        List<Problem.Violation> broken = new ArrayList<>();
        RoleType role = RoleType.named(proposed.roleType());
        if (role == null) {
            broken.add(violation("roleType", "roleType: give one of " + Arrays.toString(RoleType.values())
                    + (proposed.roleType() == null ? "" : ", not '" + proposed.roleType() + "'")));
        }
        if (proposed.startDate() == null) {
            broken.add(violation("startDate", "startDate: give the day the assignment would start (YYYY-MM-DD)"));
        }
        BigDecimal pay = money(proposed.hourlyPay(), "hourlyPay", "the worker's hourly pay", broken, true);
        BigDecimal ni = money(proposed.employerNi(), "employerNi", "the employer's National Insurance an hour (0 if none)", broken, true);
        BigDecimal levy = money(proposed.apprenticeshipLevy(), "apprenticeshipLevy", "the apprenticeship levy an hour (0 if none)", broken, true);
        BigDecimal holiday = money(proposed.holidayPay(), "holidayPay", "the holiday pay an hour (0 if none)", broken, true);
        if (proposed.postQualifyingMonths() == null || proposed.postQualifyingMonths() < 0 || proposed.postQualifyingMonths() > 720) {
            broken.add(violation("postQualifyingMonths", "postQualifyingMonths: give the worker's months of post-qualifying experience "
                    + "in local authority employment, 0 to 720 (the ASYE counts)"));
        }
        if (proposed.noticeWeeks() == null || proposed.noticeWeeks() < 0 || proposed.noticeWeeks() > 52) {
            broken.add(violation("noticeWeeks", "noticeWeeks: give the notice period in the assignment's contract, 0 to 52 weeks"));
        }
        if (proposed.permanentNoticeWeeks() != null && (proposed.permanentNoticeWeeks() < 0 || proposed.permanentNoticeWeeks() > 52)) {
            broken.add(violation("permanentNoticeWeeks", "permanentNoticeWeeks: give your permanent notice for the role, 0 to 52 weeks"));
        }
        if (proposed.qualifiedOn() != null && proposed.startDate() != null && proposed.qualifiedOn().isAfter(proposed.startDate())) {
            broken.add(violation("qualifiedOn", "qualifiedOn: the worker qualified after the start date; check the dates"));
        }
        Pseudonym known = pseudonym(proposed.registrationNumber(), broken);
        refuseIfBroken(broken);
        String region = caller.homeRegion().orElseThrow();
        return transactions.read(caller, () -> {
            LocalDate start = proposed.startDate();
            Integer references = proposed.engagementId() == null ? null : agency.referencesProvided(proposed.engagementId(), known).orElse(null);
            Proposal proposal = new Proposal(role, start, pay, ni, levy, holiday, proposed.qualifiedOn(), proposed.postQualifyingMonths(),
                    proposed.noticeWeeks(), proposed.permanentNoticeWeeks(), Boolean.TRUE.equals(proposed.projectTeam()),
                    proposed.projectApprovedOn(), agency.coolingOffUntil(known, start).orElse(null),
                    agency.capInForce(region, role, start).orElse(null), references,
                    agency.leaversKnown(LocalDate.now(clock)).orElse(null));
            return new Judged(known, proposal, RULES.stream().map(rule -> rule.judge(proposal)).toList());
        });
    }

    /** A leaver read and checked: the worker by pseudonym, the role, the exemption; or every problem with it. */
    record CheckedLeaver(NewLeaver leaver, Pseudonym worker, RoleType role, String exemption) {
    }

    /** Checks a leaver by every rule a leaving must keep; the problems, named by field, go into {@code broken}. */
    CheckedLeaver checkLeaver(NewLeaver leaver, List<Problem.Violation> broken) {
        RoleType role = RoleType.named(leaver.role());
        if (role == null) {
            broken.add(violation("role", "role: give one of " + Arrays.toString(RoleType.values())));
        }
        LocalDate today = LocalDate.now(clock);
        if (leaver.leftOn() == null || leaver.leftOn().isAfter(today) || leaver.leftOn().isBefore(today.minusYears(2))) {
            broken.add(violation("leftOn", "leftOn: give the day the worker left (YYYY-MM-DD), not in the future and within the last 2 years"));
        }
        String exemption = leaver.exemption() == null || leaver.exemption().isBlank() ? null : leaver.exemption().trim().toUpperCase(java.util.Locale.ROOT);
        if (exemption != null && !List.of("REDUNDANCY", "PROBATION").contains(exemption)) {
            broken.add(violation("exemption", "exemption: REDUNDANCY or PROBATION (the leavings the guidance exempts from cooling-off), or none"));
        }
        Pseudonym known = pseudonym(leaver.registrationNumber(), broken);
        return new CheckedLeaver(leaver, known, role, exemption);
    }

    /**
     * Records a leaver the council left; the same leaving (worker, day, role) recorded again changes nothing and the
     * answer is the one recorded first.
     */
    public AgencyDao.Leaver recordLeaver(Caller caller, NewLeaver leaver) {
        List<Problem.Violation> broken = new ArrayList<>();
        CheckedLeaver checked = checkLeaver(leaver, broken);
        refuseIfBroken(broken);
        String authority = caller.authorityCode().orElseThrow();
        return transactions.write(caller, () -> {
            UUID id = storeLeaver(caller, checked).orElseGet(() -> agency.sameLeaver(authority, checked.worker(), leaver.leftOn(), checked.role())
                    .orElseThrow());
            return agency.leavers(authority).stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
        });
    }

    /** Inside a write transaction: stores a checked leaver unless the council already has this leaving; the new id, if stored. */
    java.util.Optional<UUID> storeLeaver(Caller caller, CheckedLeaver checked) {
        String authority = caller.authorityCode().orElseThrow();
        if (agency.sameLeaver(authority, checked.worker(), checked.leaver().leftOn(), checked.role()).isPresent()) {
            return java.util.Optional.empty();
        }
        UUID id = UUID.randomUUID();
        agency.insertLeaver(id, authority, checked.worker(), checked.leaver().leftOn(), checked.role(), checked.exemption(), caller.user());
        audit.record(caller, AuditAction.AGENCY_LEAVER_RECORDED, "agency_leaver", id.toString(), Map.of("leftOn", checked.leaver().leftOn().toString()));
        return java.util.Optional.of(id);
    }

    /** Inside a transaction: whether the council already recorded this leaving. */
    boolean alreadyRecorded(Caller caller, CheckedLeaver checked) {
        return agency.sameLeaver(caller.authorityCode().orElseThrow(), checked.worker(), checked.leaver().leftOn(), checked.role()).isPresent();
    }

    /** Per member of the caller's region, leavers recorded in a census year beside the census's leavers (region users only). */
    public List<AgencyDao.AgainstCensus> leaversAgainstCensus(Caller caller, int year) {
        caller.regionCode().orElseThrow();
        return transactions.read(caller, () -> agency.leaversAgainstCensus(year));
    }

    public List<AgencyDao.Leaver> leavers(Caller caller) {
        return transactions.read(caller, () -> agency.leavers(caller.authorityCode().orElseThrow()));
    }

    public List<PriceCap> caps(Caller caller, String region) {
        return transactions.read(caller, () -> agency.caps(region));
    }

    public PriceCap setCap(Caller caller, NewCap cap) {
        List<Problem.Violation> broken = new ArrayList<>();
        RoleType role = RoleType.named(cap.roleType());
        if (role == null) {
            broken.add(violation("roleType", "roleType: give one of " + Arrays.toString(RoleType.values())));
        }
        if (cap.hourlyCap() == null || cap.hourlyCap().signum() <= 0 || cap.hourlyCap().compareTo(BigDecimal.valueOf(1000)) >= 0
                || cap.hourlyCap().stripTrailingZeros().scale() > 2) {
            broken.add(violation("hourlyCap", "hourlyCap: give the cap in pounds an hour, more than 0 and less than 1000, to the penny"));
        }
        if (cap.effectiveFrom() == null) {
            broken.add(violation("effectiveFrom", "effectiveFrom: give the day the cap applies from (YYYY-MM-DD)"));
        }
        if (cap.source() == null || cap.source().isBlank() || cap.source().length() > 500) {
            broken.add(violation("source", "source: say where the cap was agreed, e.g. 'South East RIIA, 20 March 2025', up to 500 characters"));
        }
        refuseIfBroken(broken);
        String region = caller.regionCode().orElseThrow();
        UUID id = UUID.randomUUID();
        return transactions.write(caller, () -> {
            if (agency.caps(region).stream().anyMatch(c -> c.roleType() == role && c.effectiveFrom().equals(cap.effectiveFrom()))) {
                throw new ApiProblem(ProblemCode.CONFLICT, "effectiveFrom", "Your region already has a cap for " + role.label()
                        + " from " + cap.effectiveFrom() + "; set the new one from another day.");
            }
            agency.insertCap(id, region, role, cap.hourlyCap(), cap.effectiveFrom(), cap.source().trim(), caller.user());
            audit.record(caller, AuditAction.AGENCY_CAP_SET, "agency_price_cap", id.toString(), Map.of("roleType", role.name(),
                    "hourlyCap", cap.hourlyCap().toPlainString(), "effectiveFrom", cap.effectiveFrom().toString()));
            return agency.caps(region).stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
        });
    }

    /** The worker's pseudonym from the number typed, or null with the reason added to what is broken. */
    private Pseudonym pseudonym(String typed, List<Problem.Violation> broken) {
        try {
            return pseudonymiser.pseudonymOf(RegistrationNumber.parse(typed, "registrationNumber"));
        } catch (ApiProblem invalid) {
            broken.add(violation("registrationNumber", invalid.getMessage()));
            return null;
        }
    }

    /** Refuses the whole request, naming every field that is wrong, if any is. */
    static void refuseIfBroken(List<Problem.Violation> broken) {
        if (!broken.isEmpty()) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, broken.size() == 1 ? broken.get(0).field() : null,
                    String.join("; ", broken.stream().map(Problem.Violation::message).toList()), broken);
        }
    }

    private static BigDecimal money(BigDecimal amount, String field, String what, List<Problem.Violation> broken, boolean required) {
        if (amount == null) {
            if (required) {
                broken.add(violation(field, field + ": give " + what + ", in pounds"));
            }
            return BigDecimal.ZERO;
        }
        if (amount.signum() < 0 || amount.compareTo(BigDecimal.valueOf(1000)) >= 0) {
            broken.add(violation(field, field + ": give " + what + " from 0 to 999.99 pounds, not " + amount.toPlainString()));
        }
        return amount;
    }

    static Problem.Violation violation(String field, String message) {
        return new Problem.Violation("INVALID_FIELD", field, null, null, message);
    }

    /** What a verdict other than a pass adds after the rule's name in a list: "(signed off)", "(not checked)", "(exception)". */
    static String outcomeAside(Verdict.Outcome outcome) {
        return switch (outcome) {
            case NEEDS_SIGN_OFF -> " (signed off)";
            case NOT_CHECKED -> " (not checked)";
            default -> " (exception)";
        };
    }

    /** A rule's name in words, as pages, returns and summaries say it. */
    static String words(String rule) {
        return switch (rule) {
            case "COOLING_OFF" -> "Cooling-off";
            case "PRICE_CAP" -> "Price cap";
            case "EXPERIENCE" -> "Post-qualifying experience";
            case "NOTICE" -> "Notice period";
            case "PROJECT_TEAM" -> "Project teams";
            case "REFERENCES" -> "References";
            default -> rule;
        };
    }
}

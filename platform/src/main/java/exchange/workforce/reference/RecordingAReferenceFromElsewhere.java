package exchange.workforce.reference;

import exchange.workforce.audit.AuditAction;
import exchange.workforce.audit.AuditTrail;
import exchange.workforce.identity.Caller;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.Problem;
import exchange.workforce.problem.ProblemCode;
import exchange.workforce.tenancy.TenantTransactions;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A reference officer records evidence of a reference gathered off the platform for one of the council's engagements,
 * attesting it is detailed and practice-based; it then counts towards the two-reference rule (the engagement's count
 * and the agency rules' references verdict, judged again at read).
 */
@Singleton
public class RecordingAReferenceFromElsewhere {

    static final Set<String> TEMPLATES = Set.of("MEMORANDUM_STANDARD", "OTHER_DETAILED_PRACTICE_BASED");

    private final EngagementDao engagements;
    private final ReferenceFromElsewhereDao evidence;
    private final TenantTransactions transactions;
    private final AuditTrail audit;
    private final Clock clock;

    public RecordingAReferenceFromElsewhere(EngagementDao engagements, ReferenceFromElsewhereDao evidence, TenantTransactions transactions,
                                            AuditTrail audit, Clock clock) {
        this.engagements = engagements;
        this.evidence = evidence;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public ReferenceFromElsewhere record(Caller caller, UUID engagement, ReferenceFromElsewhere.New given) {
        List<Problem.Violation> broken = new ArrayList<>();
        text(given.refereeOrganisation(), "refereeOrganisation", "the organisation that gave the reference", broken);
        text(given.refereeRole(), "refereeRole", "the referee's role there, e.g. Team manager", broken);
        LocalDate today = LocalDate.now(clock);
        if (given.providedOn() == null || given.providedOn().isAfter(today) || given.providedOn().isBefore(today.minusYears(2))) {
            broken.add(violation("providedOn", "providedOn: give the day the reference was given (YYYY-MM-DD), not in the future and "
                    + "within the last 2 years"));
        }
        if (given.template() == null || !TEMPLATES.contains(given.template().trim())) {
            broken.add(violation("template", "template: MEMORANDUM_STANDARD (the memorandum's standard template) or "
                    + "OTHER_DETAILED_PRACTICE_BASED (another template that is detailed and practice-based)"));
        }
        if (!Boolean.TRUE.equals(given.attested())) {
            broken.add(violation("attested", "attested: confirm (true) that you have read the reference and it is detailed and practice-based"));
        }
        if (!broken.isEmpty()) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, broken.size() == 1 ? broken.get(0).field() : null,
                    String.join("; ", broken.stream().map(Problem.Violation::message).toList()), broken);
        }
        String authority = caller.authorityCode().orElseThrow();
        return transactions.write(caller, () -> {
            engagements.find(engagement, authority).orElseThrow(() -> ApiProblem.notFound("Your authority has no engagement " + engagement + "."));
            UUID id = UUID.randomUUID();
            evidence.insert(id, engagement, authority, given, caller.user());
            audit.record(caller, AuditAction.EXTERNAL_REFERENCE_RECORDED, "engagement", engagement.toString(), Map.of("template",
                    given.template().trim(), "providedOn", given.providedOn().toString()));
            return evidence.ofEngagement(engagement, authority).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
        });
    }

    private static void text(String value, String field, String what, List<Problem.Violation> broken) {
        if (value == null || value.isBlank() || value.trim().length() > 200) {
            broken.add(violation(field, field + ": give " + what + ", up to 200 characters"));
        }
    }

    private static Problem.Violation violation(String field, String message) {
        return new Problem.Violation(ProblemCode.VALIDATION_FAILED.name(), field, null, null, message);
    }
}

package exchange.workforce.agency;

import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.Problem;
import exchange.workforce.problem.ProblemCode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an assignment needs, beyond its form, to be recorded:
 * <ul>
 *   <li>a cost over the region's cap is recorded only with the sign-off of both the Director of Children's Services and
 *       the Chief Executive (names, dates on or before the start, the reason): the statutory guidance lets a council pay
 *       above the cap only so, and reports it to the region;</li>
 *   <li>each other rule not met is recorded only with the reason for the exception, so the region and the quarterly
 *       return can say why.</li>
 * </ul>
 */
final class RecordingPolicy {

    private static final String DIRECTOR = "the Director of Children's Services' name (signOff.directorName)";
    private static final String DIRECTOR_ON = "the day the Director signed, on or before the start (signOff.directorSignedOn)";
    private static final String CHIEF = "the Chief Executive's name (signOff.chiefExecutiveName)";
    private static final String CHIEF_ON = "the day the Chief Executive signed, on or before the start (signOff.chiefExecutiveSignedOn)";
    private static final String REASON = "why the cost over the cap is agreed (signOff.reason)";

    private RecordingPolicy() {
    }

    static void check(NewAssignment assignment, List<Verdict> verdicts) {
        List<Problem.Violation> broken = new ArrayList<>();
        for (String field : List.of("team", "agency")) {
            String value = "team".equals(field) ? assignment.team() : assignment.agency();
            if (value == null || value.isBlank() || value.length() > 200) {
                broken.add(new Problem.Violation("INVALID_FIELD", field, null, null, field + ": give the " + field
                        + ("team".equals(field) ? " the worker joins" : " supplying the worker") + ", up to 200 characters"));
            }
        }
        String reference = assignment.councilReference();
        if (reference != null && (reference.trim().length() > 50 || !reference.trim().matches("[\\p{L}\\p{N} ._/:#-]*"))) {
            broken.add(new Problem.Violation("INVALID_FIELD", "councilReference", null, null, "councilReference: give your own reference "
                    + "for the assignment (your HR system's), up to 50 letters, digits, spaces and . _ / : # -"));
        }
        java.util.Set<String> codes = new java.util.TreeSet<>();
        AgencyRules.RULES.forEach(rule -> codes.add(rule.code()));
        if (assignment.exceptions() != null) {
            assignment.exceptions().keySet().stream().filter(key -> !codes.contains(key)).findFirst().ifPresent(key -> broken.add(
                    new Problem.Violation("INVALID_FIELD", "exceptions", null, null, "exceptions: '" + key + "' is not a rule; use "
                            + String.join(", ", codes))));
        }
        NewAssignment.SignOff signOff = assignment.signOff();
        if (signOff != null && (longer(signOff.directorName(), 200) || longer(signOff.chiefExecutiveName(), 200) || longer(signOff.reason(), 1000))) {
            broken.add(new Problem.Violation("INVALID_FIELD", "signOff", null, null,
                    "signOff: names of up to 200 characters and a reason of up to 1,000"));
        }
        if (assignment.agencyCharge() != null && (assignment.agencyCharge().signum() < 0
                || assignment.agencyCharge().compareTo(java.math.BigDecimal.valueOf(10_000)) >= 0)) {
            broken.add(new Problem.Violation("INVALID_FIELD", "agencyCharge", null, null,
                    "agencyCharge: give the agency's charge an hour from 0 to 9999.99 pounds"));
        }
        if (assignment.actualEndDate() != null && assignment.startDate() != null && assignment.actualEndDate().isBefore(assignment.startDate())) {
            broken.add(new Problem.Violation("INVALID_FIELD", "actualEndDate", null, null, "actualEndDate: the assignment ended before it started"));
        }
        if (assignment.plannedEndDate() != null && assignment.startDate() != null && assignment.plannedEndDate().isBefore(assignment.startDate())) {
            broken.add(new Problem.Violation("INVALID_FIELD", "plannedEndDate", null, null, "plannedEndDate: the planned end is before the start"));
        }
        if (assignment.endedHow() != null && !assignment.endedHow().isBlank()) {
            if (EndedHow.named(assignment.endedHow()) == null) {
                broken.add(new Problem.Violation("INVALID_FIELD", "endedHow", null, null, "endedHow: give one of " + EndedHow.choices()
                        + ", not '" + assignment.endedHow() + "'"));
            } else if (assignment.actualEndDate() == null) {
                broken.add(new Problem.Violation("INVALID_FIELD", "endedHow", null, null,
                        "endedHow: say how it ended only with the day it ended (actualEndDate)"));
            }
        }
        if (!broken.isEmpty()) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, broken.get(0).field(),
                    String.join("; ", broken.stream().map(Problem.Violation::message).toList()), broken);
        }
        boolean overCap = verdicts.stream().anyMatch(v -> "PRICE_CAP".equals(v.rule()) && v.outcome() == Verdict.Outcome.NEEDS_SIGN_OFF);
        if (overCap) {
            List<String> missing = missingSignOff(assignment.signOff(), assignment.startDate());
            if (!missing.isEmpty()) {
                throw new ApiProblem(ProblemCode.CAP_BREACH_NOT_SIGNED_OFF, "signOff", "The cost is over your region's cap: "
                        + "record it only with the sign-off of both the Director of Children's Services and the Chief Executive. "
                        + "Missing: " + String.join("; ", missing) + ".");
            }
        }
        Map<String, String> exceptions = assignment.exceptions() == null ? Map.of() : assignment.exceptions();
        List<Problem.Violation> unexplained = verdicts.stream().filter(v -> v.outcome() == Verdict.Outcome.FAIL)
                .filter(v -> exceptions.get(v.rule()) == null || exceptions.get(v.rule()).isBlank() || exceptions.get(v.rule()).length() > 1000)
                .map(v -> new Problem.Violation(v.rule(), "exceptions." + v.rule(), null, null, v.rule() + " is not met (" + v.reason()
                        + "); record the assignment only with the reason for the exception in exceptions." + v.rule()))
                .toList();
        if (!unexplained.isEmpty()) {
            throw new ApiProblem(ProblemCode.RULE_NOT_MET, unexplained.get(0).field(), unexplained.size() == 1
                    ? unexplained.get(0).message() : unexplained.size() + " rules are not met and have no reason recorded: "
                    + String.join(", ", unexplained.stream().map(Problem.Violation::code).toList()), unexplained);
        }
    }

    private static boolean longer(String text, int most) {
        return text != null && text.length() > most;
    }

    private static List<String> missingSignOff(NewAssignment.SignOff signOff, LocalDate start) {
        List<String> missing = new ArrayList<>();
        if (signOff == null) {
            return List.of(DIRECTOR, DIRECTOR_ON, CHIEF, CHIEF_ON, REASON);
        }
        if (signOff.directorName() == null || signOff.directorName().isBlank()) {
            missing.add(DIRECTOR);
        }
        if (signOff.directorSignedOn() == null || (start != null && signOff.directorSignedOn().isAfter(start))) {
            missing.add(DIRECTOR_ON);
        }
        if (signOff.chiefExecutiveName() == null || signOff.chiefExecutiveName().isBlank()) {
            missing.add(CHIEF);
        }
        if (signOff.chiefExecutiveSignedOn() == null || (start != null && signOff.chiefExecutiveSignedOn().isAfter(start))) {
            missing.add(CHIEF_ON);
        }
        if (signOff.reason() == null || signOff.reason().isBlank()) {
            missing.add(REASON);
        }
        return missing;
    }
}

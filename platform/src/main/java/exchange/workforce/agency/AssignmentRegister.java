package exchange.workforce.agency;

import exchange.workforce.adapters.tabular.SafeCsv;
import exchange.workforce.audit.AuditAction;
import exchange.workforce.audit.AuditTrail;
import exchange.workforce.identity.Caller;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.ProblemCode;
import exchange.workforce.returns.Period;
import exchange.workforce.tenancy.RegionDao;
import exchange.workforce.tenancy.TenantTransactions;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.ArrayList;
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
    private final AssignmentDao assignments;
    private final TenantTransactions transactions;
    private final AuditTrail audit;
    private final RegionDao regions;

    public AssignmentRegister(AgencyRules rules, AssignmentDao assignments, TenantTransactions transactions, AuditTrail audit, RegionDao regions) {
        this.rules = rules;
        this.assignments = assignments;
        this.transactions = transactions;
        this.audit = audit;
        this.regions = regions;
    }

    /** A member's compliance in a quarter: named only to its own region's users. */
    @Serdeable
    public record MemberCompliance(String authorityCode, String name, long assignments, long capBreaches, long capBreachesSignedOff,
                                   long coolingOffNotMet, long withExceptions, BigDecimal hourlyCostOfAllAssignments) {
    }

    static final String CORRECTION_REASON = "reason: say why the assignment is corrected (up to 1,000 characters): a correction is "
            + "a new version beside the old, never an edit";

    static boolean hasCorrectionReason(NewAssignment assignment) {
        return assignment.reason() != null && !assignment.reason().isBlank() && assignment.reason().length() <= 1000;
    }

    public Assignment record(Caller caller, NewAssignment assignment) {
        return store(caller, UUID.randomUUID(), assignment, false);
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
                judged.verdicts(), caller.user());
        audit.record(caller, version > 1 ? AuditAction.AGENCY_ASSIGNMENT_CORRECTED : AuditAction.AGENCY_ASSIGNMENT_RECORDED,
                "agency_assignment", assignmentId + "/v" + version, Map.of("signedOff", assignment.signOff() != null,
                        "exceptions", assignment.exceptions() == null ? 0 : assignment.exceptions().size()));
        return assignments.current(authority, assignmentId).orElseThrow();
    }

    public List<Assignment> current(Caller caller) {
        return transactions.read(caller, () -> assignments.latest(caller.authorityCode().orElseThrow()));
    }

    public List<Assignment> versions(Caller caller, UUID assignmentId) {
        List<Assignment> found = transactions.read(caller, () -> assignments.versions(caller.authorityCode().orElseThrow(), assignmentId));
        if (found.isEmpty()) {
            throw ApiProblem.notFound("There is no assignment " + assignmentId + " of your council.");
        }
        return found;
    }

    /**
     * DfE's quarterly return for the caller's council: one row per assignment active in the quarter (its latest version),
     * with each rule's outcome and reason, the cap breach and its sign-off. The registration number column is left for
     * the council's own system to fill: the platform holds only a pseudonym. Exporting it is audited.
     */
    public String quarterlyReturn(Caller caller, String quarter) {
        StringBuilder csv = new StringBuilder();
        quarterlyRows(caller, quarter).forEach(row -> csv.append(SafeCsv.line(row.stream().map(SafeCsv::cell).toList())));
        return csv.toString();
    }

    /** The same return as an Excel workbook: one sheet, the header row bold, money as numbers. */
    public byte[] quarterlyReturnWorkbook(Caller caller, String quarter) {
        List<List<String>> rows = quarterlyRows(caller, quarter);
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            org.apache.poi.ss.usermodel.Sheet sheet = book.createSheet("Agency return " + quarter.trim());
            org.apache.poi.ss.usermodel.CellStyle bold = book.createCellStyle();
            org.apache.poi.ss.usermodel.Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            List<String> header = rows.get(0);
            for (int r = 0; r < rows.size(); r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    String value = rows.get(r).get(c);
                    org.apache.poi.ss.usermodel.Cell cell = row.createCell(c);
                    if (r > 0 && MONEY.contains(header.get(c)) && !value.isEmpty()) {
                        cell.setCellValue(Double.parseDouble(value));
                    } else {
                        cell.setCellValue(value);
                    }
                    if (r == 0) {
                        cell.setCellStyle(bold);
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            book.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final java.util.Set<String> MONEY = java.util.Set.of("hourly_pay", "employer_ni", "apprenticeship_levy", "holiday_pay",
            "capped_cost", "agency_charge");

    /** The return's rows, header first: what the CSV and the workbook both hold. Reading it for export is audited. */
    private List<List<String>> quarterlyRows(Caller caller, String quarter) {
        Period period = quarter(quarter);
        List<Assignment> active = transactions.write(caller, () -> {
            List<Assignment> all = assignments.latest(caller.authorityCode().orElseThrow());
            audit.record(caller, AuditAction.AGENCY_RETURN_EXPORTED, "agency_return", period.label(), Map.of());
            return all;
        }).stream().filter(a -> active(a, period)).sorted(java.util.Comparator.comparing(Assignment::startDate)).toList();
        List<String> header = new ArrayList<>(List.of("quarter", "local_authority", "assignment_id", "role_type", "registration_number",
                "start_date", "planned_end_date", "actual_end_date", "hourly_pay", "employer_ni", "apprenticeship_levy", "holiday_pay",
                "capped_cost", "agency_charge", "project_team_or_packaged_model"));
        for (AgencyRule rule : AgencyRules.RULES) {
            header.add(rule.code().toLowerCase(java.util.Locale.ROOT) + "_outcome");
            header.add(rule.code().toLowerCase(java.util.Locale.ROOT) + "_reason");
        }
        header.addAll(List.of("cap_breach_signed_off_by_director", "director_signed_on", "cap_breach_signed_off_by_chief_executive",
                "chief_executive_signed_on", "sign_off_reason"));
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        String authority = caller.authorityCode().orElseThrow();
        for (Assignment a : active) {
            List<String> row = new ArrayList<>(List.of(period.label(), authority, a.assignmentId().toString(), a.roleType().name(), "",
                    a.startDate().toString(), text(a.plannedEndDate()), text(a.actualEndDate()), money(a.hourlyPay()), money(a.employerNi()),
                    money(a.apprenticeshipLevy()), money(a.holidayPay()), money(a.cappedCost()), a.agencyCharge() == null ? "" : money(a.agencyCharge()),
                    a.projectTeam() ? "Y" : "N"));
            for (AgencyRule rule : AgencyRules.RULES) {
                Verdict v = a.verdicts().stream().filter(x -> x.rule().equals(rule.code())).findFirst().orElse(null);
                row.add(v == null ? "" : v.outcome().name());
                String exception = a.exceptions().get(rule.code());
                row.add(v == null ? "" : v.reason() + (exception == null ? "" : " Exception: " + exception));
            }
            NewAssignment.SignOff s = a.signOff();
            row.addAll(s == null ? List.of("", "", "", "", "") : List.of(s.directorName(), text(s.directorSignedOn()), s.chiefExecutiveName(),
                    text(s.chiefExecutiveSignedOn()), s.reason()));
            rows.add(row);
        }
        return rows;
    }

    /** The caller's region's members' compliance in a quarter (counts; members are named to their own region only). */
    public List<MemberCompliance> compliance(Caller caller, String quarter) {
        Period period = quarter(quarter);
        return transactions.read(caller, () -> assignments.compliance(period.start(), period.end())).stream()
                .map(c -> new MemberCompliance(c.authorityCode(), regions.authority(c.authorityCode()).map(a -> a.name()).orElse(c.authorityCode()),
                        c.assignments(), c.capBreaches(), c.signedOff(), c.coolingOff(), c.exceptions(), c.hourlyCost()))
                .toList();
    }

    static boolean active(Assignment a, Period quarter) {
        java.time.LocalDate end = a.actualEndDate() != null ? a.actualEndDate() : a.plannedEndDate();
        return !a.startDate().isAfter(quarter.end()) && (end == null || !end.isBefore(quarter.start()));
    }

    private static Period quarter(String quarter) {
        return Period.parse("QUARTER", quarter == null ? "" : quarter.trim()).orElseThrow(() -> new ApiProblem(ProblemCode.VALIDATION_FAILED,
                "quarter", "quarter: give it as YYYY-Qn, e.g. 2026-Q3 (July to September 2026); '" + quarter + "' is not one."));
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}

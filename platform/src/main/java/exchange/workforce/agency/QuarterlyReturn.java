package exchange.workforce.agency;

import exchange.workforce.adapters.tabular.SafeCsv;
import exchange.workforce.audit.AuditAction;
import exchange.workforce.audit.AuditTrail;
import exchange.workforce.identity.Caller;
import exchange.workforce.measures.Symbol;
import exchange.workforce.returns.CurrentFigures;
import exchange.workforce.returns.Period;
import exchange.workforce.returns.PeriodType;
import exchange.workforce.returns.ReturnValue;
import exchange.workforce.tenancy.TenantTransactions;
import jakarta.inject.Singleton;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * DfE's quarterly agency return for one council: per assignment active in the quarter (its latest version) the role type,
 * pay and its parts, dates, project flag, the supplying agency, each rule's outcome and reason, the cap breach's sign-off;
 * and the council's monthly agency spend, as its monthly returns give it. The worker's registration number and the
 * council's own reference are the council's own, opened from their seal for this council's return only (assignments
 * recorded before numbers were kept say so). Every export is audited.
 */
@Singleton
public class QuarterlyReturn {

    static final String SPEND = "agency_spend";
    /** Columns written as numbers in the workbook: money, and the summary's counts. */
    private static final Set<String> NUMBERS = Set.of("hourly_pay", "employer_ni", "apprenticeship_levy", "holiday_pay", "capped_cost",
            "agency_charge", SPEND, "count");

    private final AssignmentDao assignments;
    private final CurrentFigures returns;
    private final TenantTransactions transactions;
    private final AuditTrail audit;
    private final VerdictsAsTheyStand verdictsNow;

    private final exchange.workforce.worker.RegistrationNumberSeal seal;

    public QuarterlyReturn(AssignmentDao assignments, CurrentFigures returns, TenantTransactions transactions, AuditTrail audit,
                           VerdictsAsTheyStand verdictsNow, exchange.workforce.worker.RegistrationNumberSeal seal) {
        this.seal = seal;
        this.verdictsNow = verdictsNow;
        this.assignments = assignments;
        this.returns = returns;
        this.transactions = transactions;
        this.audit = audit;
    }

    /** The assignments part, as CSV. */
    public String assignmentsCsv(Caller caller, String quarter) {
        return csv(assignmentRows(caller, AssignmentRegister.quarter(quarter)));
    }

    /** The monthly spend part, as CSV: one row per month of the quarter. */
    public String monthlySpendCsv(Caller caller, String quarter) {
        return csv(spendRows(caller, AssignmentRegister.quarter(quarter), true));
    }

    /** The whole return as an Excel workbook: a sheet of assignments and a sheet of monthly spend; money as numbers. */
    public byte[] workbook(Caller caller, String quarter) {
        Period period = AssignmentRegister.quarter(quarter);
        List<List<String>> assignmentRows = assignmentRows(caller, period);
        List<List<String>> spendRows = spendRows(caller, period, false);
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            sheet(book.createSheet("Summary " + period.label()), summaryRows(period, assignmentRows, spendRows), bold);
            sheet(book.createSheet("Agency return " + period.label()), assignmentRows, bold);
            sheet(book.createSheet("Monthly spend " + period.label()), spendRows, bold);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The quarter at a glance, from the two other sheets: assignments active, and per rule how many met it, were signed
     * off, did not meet it (going ahead with an exception) or could not be checked; the months of spend given and their
     * total.
     */
    static List<List<String>> summaryRows(Period period, List<List<String>> assignmentRows, List<List<String>> spendRows) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("quarter", "what", "count"));
        List<String> header = assignmentRows.get(0);
        rows.add(List.of(period.label(), "assignments active in the quarter", String.valueOf(assignmentRows.size() - 1)));
        for (AgencyRule rule : AgencyRules.RULES) {
            int at = header.indexOf(rule.code().toLowerCase(Locale.ROOT) + "_outcome");
            for (Verdict.Outcome outcome : Verdict.Outcome.values()) {
                long count = assignmentRows.stream().skip(1).filter(r -> outcome.name().equals(r.get(at))).count();
                rows.add(List.of(period.label(), AgencyRules.words(rule.code()) + ": " + switch (outcome) {
                    case PASS -> "met";
                    case NEEDS_SIGN_OFF -> "over the cap, signed off";
                    case FAIL -> "not met (going ahead with an exception)";
                    case NOT_CHECKED -> "not checked";
                }, String.valueOf(count)));
            }
        }
        List<List<String>> months = spendRows.stream().skip(1).filter(r -> !r.get(3).isEmpty() && Symbol.of(r.get(3)).isEmpty()).toList();
        rows.add(List.of(period.label(), "months with agency spend given", String.valueOf(months.size())));
        rows.add(List.of(period.label(), "agency spend given (pounds)", months.isEmpty() ? "" : money(months.stream()
                .map(r -> new BigDecimal(r.get(3))).reduce(BigDecimal.ZERO, BigDecimal::add))));
        return rows;
    }

    private static void sheet(Sheet sheet, List<List<String>> rows, CellStyle bold) {
        List<String> header = rows.get(0);
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < rows.get(r).size(); c++) {
                String value = rows.get(r).get(c);
                Cell cell = row.createCell(c);
                if (r > 0 && NUMBERS.contains(header.get(c)) && !value.isEmpty() && Symbol.of(value).isEmpty()) {
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
    }

    private static String csv(List<List<String>> rows) {
        StringBuilder csv = new StringBuilder();
        rows.forEach(row -> csv.append(SafeCsv.line(row.stream().map(SafeCsv::cell).toList())));
        return csv.toString();
    }

    /** The assignments' rows, header first. Reading them for export is audited. */
    private List<List<String>> assignmentRows(Caller caller, Period period) {
        String authority = caller.authorityCode().orElseThrow();
        Map<java.util.UUID, exchange.workforce.worker.RegistrationNumberSeal.Sealed> numbers = new java.util.HashMap<>();
        List<Assignment> active = transactions.write(caller, () -> {
            List<Assignment> all = verdictsNow.of(authority, assignments.latest(authority));
            numbers.putAll(assignments.sealedNumbers(authority));
            audit.record(caller, AuditAction.AGENCY_RETURN_EXPORTED, "agency_return", period.label(), Map.of("part", "assignments"));
            return all;
        }).stream().filter(a -> AssignmentRegister.active(a, period)).sorted(Comparator.comparing(Assignment::startDate)).toList();
        List<String> header = new ArrayList<>(List.of("quarter", "local_authority", "assignment_id", "council_reference", "agency",
                "role_type", "registration_number",
                "start_date", "planned_end_date", "actual_end_date", "hourly_pay", "employer_ni", "apprenticeship_levy", "holiday_pay",
                "capped_cost", "agency_charge", "project_team_or_packaged_model"));
        for (AgencyRule rule : AgencyRules.RULES) {
            header.add(rule.code().toLowerCase(Locale.ROOT) + "_outcome");
            header.add(rule.code().toLowerCase(Locale.ROOT) + "_reason");
        }
        header.addAll(List.of("cap_breach_signed_off_by_director", "director_signed_on", "cap_breach_signed_off_by_chief_executive",
                "chief_executive_signed_on", "sign_off_reason"));
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (Assignment a : active) {
            exchange.workforce.worker.RegistrationNumberSeal.Sealed sealed = numbers.get(a.assignmentId());
            String number = sealed == null ? "not kept: recorded before the platform kept numbers; record it again to add it"
                    : seal.open(sealed, authority, a.assignmentId());
            List<String> row = new ArrayList<>(List.of(period.label(), authority, a.assignmentId().toString(), text(a.councilReference()),
                    a.agency(), a.roleType().name(), number,
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

    /**
     * The monthly spend rows, header first: each month's agency_spend from the council's current monthly return for it, the
     * symbol where the return gives one, blank where no return holds it — and the source says which. Audited when exported
     * alone (the workbook's export is audited with the assignments).
     */
    private List<List<String>> spendRows(Caller caller, Period quarter, boolean audited) {
        String authority = caller.authorityCode().orElseThrow();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("quarter", "local_authority", "month", SPEND, "source"));
        transactions.write(caller, () -> {
            for (int m = 0; m < 3; m++) {
                YearMonth month = YearMonth.from(quarter.start()).plusMonths(m);
                Period monthly = Period.parse(PeriodType.MONTH, month.toString()).orElseThrow();
                Optional<CurrentFigures.Figure> current = returns.total(authority, monthly, SPEND);
                Optional<ReturnValue> spend = current.flatMap(CurrentFigures.Figure::value);
                String figure = spend.map(v -> v.value() == null ? Symbol.codeOf(v.symbol()) : money(v.value())).orElse("");
                String source = current.isEmpty() ? "No monthly return for " + month + ": submit one with " + SPEND
                        : spend.isEmpty() ? "The monthly return for " + month + " (version " + current.get().version().version() + ") has no " + SPEND
                        : "Monthly return for " + month + ", version " + current.get().version().version();
                rows.add(List.of(quarter.label(), authority, month.toString(), figure, source));
            }
            if (audited) {
                audit.record(caller, AuditAction.AGENCY_RETURN_EXPORTED, "agency_return", quarter.label(), Map.of("part", "monthly spend"));
            }
            return null;
        });
        return rows;
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}

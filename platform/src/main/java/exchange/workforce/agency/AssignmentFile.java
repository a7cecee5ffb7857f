package exchange.workforce.agency;

import exchange.workforce.adapters.tabular.Table;
import exchange.workforce.problem.Problem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Assignments uploaded as a spreadsheet: one assignment per row, in the template's columns. A row with an
 * {@code assignment_id} corrects that assignment (a new version, its {@code reason} saying why); a row without one records a
 * new assignment. Each cell is read into the field the JSON body has, and a cell that cannot be read is named by row and
 * column with what would be valid. Blank cells are "not given": the rules then say what is missing, as for JSON.
 */
final class AssignmentFile {

    /**
     * A row read: its number in the file, the assignment it corrects (or null for a new one), the assignment, and whether
     * every cell could be read (a row with an unreadable cell is not judged further: its errors are already named).
     */
    record Row(int number, UUID correcting, NewAssignment assignment, boolean readable) {
    }

    /** What a file holds, or what is wrong with it. */
    record Read(List<Row> rows, List<Problem.Violation> errors) {
    }

    static final List<Spreadsheet.Column> COLUMNS = columns();


    private AssignmentFile() {
    }

    private static List<Spreadsheet.Column> columns() {
        List<Spreadsheet.Column> columns = new ArrayList<>(List.of(
                new Spreadsheet.Column("assignment_id", false, "Blank for a new assignment; the assignment's id to correct it (a new version)", ""),
                new Spreadsheet.Column("reason", false, "Why a correction is made (needed when assignment_id is given)", ""),
                new Spreadsheet.Column("registration_number", true, "The worker's Social Work England number; kept only sealed, for your own DfE return", "SW900123"),
                new Spreadsheet.Column("council_reference", false, "Your own reference for the assignment (your HR system's), up to 50 characters", "AG-2026-014"),
                new Spreadsheet.Column("role_type", true, "SOCIAL_WORKER, SENIOR_SOCIAL_WORKER, ADVANCED_PRACTITIONER, TEAM_MANAGER or IRO_CP_CHAIR",
                        "SOCIAL_WORKER"),
                new Spreadsheet.Column("team", true, "The team the worker joins", "Child protection, Guildford"),
                new Spreadsheet.Column("agency", true, "The agency supplying the worker", "Example Agency Ltd"),
                new Spreadsheet.Column("start_date", true, "The first day of the assignment, YYYY-MM-DD (or DD/MM/YYYY)", "2026-08-03"),
                new Spreadsheet.Column("planned_end_date", false, "The planned last day", "2026-11-27"),
                new Spreadsheet.Column("actual_end_date", false, "The day it ended, once it has", ""),
                new Spreadsheet.Column("ended_how", false, "Once it has ended: CONVERTED_TO_PERMANENT, AS_PLANNED, EARLY_BY_COUNCIL or "
                        + "EARLY_BY_WORKER_OR_AGENCY", ""),
                new Spreadsheet.Column("hourly_pay", true, "Pay to the worker, pounds an hour", "36.01"),
                new Spreadsheet.Column("employer_ni", true, "Employer's National Insurance, pounds an hour (0 if none)", "4.50"),
                new Spreadsheet.Column("apprenticeship_levy", true, "Apprenticeship levy, pounds an hour (0 if none)", "0.20"),
                new Spreadsheet.Column("holiday_pay", true, "Holiday pay, pounds an hour (0 if none)", "4.30"),
                new Spreadsheet.Column("agency_charge", false, "The agency's whole charge, pounds an hour", "52.00"),
                new Spreadsheet.Column("qualified_on", false, "The day the worker qualified", "2018-09-01"),
                new Spreadsheet.Column("post_qualifying_months", true, "Months of post-qualifying experience in local authority employment", "72"),
                new Spreadsheet.Column("notice_weeks", true, "Notice period in the assignment's contract, weeks", "4"),
                new Spreadsheet.Column("permanent_notice_weeks", false, "Your permanent notice for the role, weeks, if shorter than 4", ""),
                new Spreadsheet.Column("project_team", false, "Y for a project team or packaged model, N or blank otherwise", "N"),
                new Spreadsheet.Column("project_approved_on", false, "The day the project team was approved (in advance)", ""),
                new Spreadsheet.Column("engagement_id", false, "The references feature's engagement of this worker", ""),
                new Spreadsheet.Column("director_name", false, "Over the cap: the Director of Children's Services who signed off", ""),
                new Spreadsheet.Column("director_signed_on", false, "Over the cap: the day the Director signed, on or before the start", ""),
                new Spreadsheet.Column("chief_executive_name", false, "Over the cap: the Chief Executive who signed off", ""),
                new Spreadsheet.Column("chief_executive_signed_on", false, "Over the cap: the day the Chief Executive signed, on or before the start", ""),
                new Spreadsheet.Column("sign_off_reason", false, "Over the cap: why the cost is agreed", "")));
        for (AgencyRule rule : AgencyRules.RULES) {
            columns.add(new Spreadsheet.Column(exceptionColumn(rule.code()), false, "If " + rule.code() + " is not met: the reason for the exception", ""));
        }
        return List.copyOf(columns);
    }

    static String exceptionColumn(String ruleCode) {
        return "exception_" + ruleCode.toLowerCase(Locale.ROOT);
    }

    static Read read(Table table) {
        List<Problem.Violation> errors = new ArrayList<>();
        Map<String, Integer> at = Spreadsheet.header(table, COLUMNS, "the assignment template", errors);
        if (!errors.isEmpty()) {
            return new Read(List.of(), errors);
        }
        List<Row> rows = new ArrayList<>();
        Map<UUID, Integer> corrected = new HashMap<>();
        for (Table.Row row : table.rows()) {
            Spreadsheet.Cells cells = new Spreadsheet.Cells(row, at, errors);
            if (cells.allBlank()) {
                continue;
            }
            int errorsBefore = errors.size();
            UUID correcting = cells.uuid("assignment_id");
            if (correcting != null && corrected.putIfAbsent(correcting, row.number()) != null) {
                errors.add(cells.error("assignment_id", "assignment " + correcting + " is corrected twice in this file (rows "
                        + corrected.get(correcting) + " and " + row.number() + "); one row per assignment"));
            }
            Map<String, String> exceptions = new LinkedHashMap<>();
            AgencyRules.RULES.forEach(rule -> {
                String reason = cells.text(exceptionColumn(rule.code()));
                if (reason != null) {
                    exceptions.put(rule.code(), reason);
                }
            });
            String directorName = cells.text("director_name");
            LocalDate directorOn = cells.date("director_signed_on");
            String chiefName = cells.text("chief_executive_name");
            LocalDate chiefOn = cells.date("chief_executive_signed_on");
            String signOffReason = cells.text("sign_off_reason");
            boolean anySignOff = directorName != null || directorOn != null || chiefName != null || chiefOn != null || signOffReason != null;
            NewAssignment assignment = new NewAssignment(cells.text("registration_number"), upper(cells.text("role_type")), cells.text("team"),
                    cells.text("agency"), cells.date("start_date"), cells.date("planned_end_date"), cells.date("actual_end_date"),
                    cells.money("hourly_pay"), cells.money("employer_ni"), cells.money("apprenticeship_levy"), cells.money("holiday_pay"),
                    cells.money("agency_charge"), cells.date("qualified_on"), cells.whole("post_qualifying_months"), cells.whole("notice_weeks"),
                    cells.whole("permanent_notice_weeks"), cells.yesNo("project_team"), cells.date("project_approved_on"),
                    cells.uuid("engagement_id"), anySignOff ? new NewAssignment.SignOff(directorName, directorOn, chiefName, chiefOn, signOffReason) : null,
                    exceptions, cells.text("reason"), cells.text("council_reference"), cells.text("ended_how"));
            rows.add(new Row(row.number(), correcting, assignment, errors.size() == errorsBefore));
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new Problem.Violation("NO_ROWS", "file", null, null, "the file has a header but no assignments; add one row per assignment"));
        }
        return new Read(rows, errors);
    }

    /** The column a field of the JSON body is read from, for naming it in a file's errors. */
    static String column(String field) {
        if (field == null) {
            return null;
        }
        if (field.startsWith("exceptions.")) {
            return exceptionColumn(field.substring("exceptions.".length()));
        }
        return switch (field) {
            case "signOff", "signOff.reason" -> "sign_off_reason";
            case "signOff.directorName" -> "director_name";
            case "signOff.directorSignedOn" -> "director_signed_on";
            case "signOff.chiefExecutiveName" -> "chief_executive_name";
            case "signOff.chiefExecutiveSignedOn" -> "chief_executive_signed_on";
            case "exceptions" -> null;
            default -> field.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        };
    }

    private static String upper(String text) {
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }


}

package exchange.workforce.agency;

import exchange.workforce.adapters.tabular.Table;
import exchange.workforce.problem.Problem;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
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

    /** One column of the template: its header, whether a file must have it, what goes in it, and an example. */
    record Column(String name, boolean required, String holds, String example) {
    }

    /**
     * A row read: its number in the file, the assignment it corrects (or null for a new one), the assignment, and whether
     * every cell could be read (a row with an unreadable cell is not judged further: its errors are already named).
     */
    record Row(int number, UUID correcting, NewAssignment assignment, boolean readable) {
    }

    /** What a file holds, or what is wrong with it. */
    record Read(List<Row> rows, List<Problem.Violation> errors) {
    }

    static final List<Column> COLUMNS = columns();

    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private AssignmentFile() {
    }

    private static List<Column> columns() {
        List<Column> columns = new ArrayList<>(List.of(
                new Column("assignment_id", false, "Blank for a new assignment; the assignment's id to correct it (a new version)", ""),
                new Column("reason", false, "Why a correction is made (needed when assignment_id is given)", ""),
                new Column("registration_number", true, "The worker's Social Work England number; kept only sealed, for your own DfE return", "SW900123"),
                new Column("council_reference", false, "Your own reference for the assignment (your HR system's), up to 50 characters", "AG-2026-014"),
                new Column("role_type", true, "SOCIAL_WORKER, SENIOR_SOCIAL_WORKER, ADVANCED_PRACTITIONER, TEAM_MANAGER or IRO_CP_CHAIR",
                        "SOCIAL_WORKER"),
                new Column("team", true, "The team the worker joins", "Child protection, Guildford"),
                new Column("agency", true, "The agency supplying the worker", "Example Agency Ltd"),
                new Column("start_date", true, "The first day of the assignment, YYYY-MM-DD (or DD/MM/YYYY)", "2026-08-03"),
                new Column("planned_end_date", false, "The planned last day", "2026-11-27"),
                new Column("actual_end_date", false, "The day it ended, once it has", ""),
                new Column("hourly_pay", true, "Pay to the worker, pounds an hour", "36.01"),
                new Column("employer_ni", true, "Employer's National Insurance, pounds an hour (0 if none)", "4.50"),
                new Column("apprenticeship_levy", true, "Apprenticeship levy, pounds an hour (0 if none)", "0.20"),
                new Column("holiday_pay", true, "Holiday pay, pounds an hour (0 if none)", "4.30"),
                new Column("agency_charge", false, "The agency's whole charge, pounds an hour", "52.00"),
                new Column("qualified_on", false, "The day the worker qualified", "2018-09-01"),
                new Column("post_qualifying_months", true, "Months of post-qualifying experience in local authority employment", "72"),
                new Column("notice_weeks", true, "Notice period in the assignment's contract, weeks", "4"),
                new Column("permanent_notice_weeks", false, "Your permanent notice for the role, weeks, if shorter than 4", ""),
                new Column("project_team", false, "Y for a project team or packaged model, N or blank otherwise", "N"),
                new Column("project_approved_on", false, "The day the project team was approved (in advance)", ""),
                new Column("engagement_id", false, "The references feature's engagement of this worker", ""),
                new Column("director_name", false, "Over the cap: the Director of Children's Services who signed off", ""),
                new Column("director_signed_on", false, "Over the cap: the day the Director signed, on or before the start", ""),
                new Column("chief_executive_name", false, "Over the cap: the Chief Executive who signed off", ""),
                new Column("chief_executive_signed_on", false, "Over the cap: the day the Chief Executive signed, on or before the start", ""),
                new Column("sign_off_reason", false, "Over the cap: why the cost is agreed", "")));
        for (AgencyRule rule : AgencyRules.RULES) {
            columns.add(new Column(exceptionColumn(rule.code()), false, "If " + rule.code() + " is not met: the reason for the exception", ""));
        }
        return List.copyOf(columns);
    }

    static String exceptionColumn(String ruleCode) {
        return "exception_" + ruleCode.toLowerCase(Locale.ROOT);
    }

    static Read read(Table table) {
        List<Problem.Violation> errors = new ArrayList<>();
        List<String> names = COLUMNS.stream().map(Column::name).toList();
        List<String> header = table.header().stream().map(h -> h.trim().toLowerCase(Locale.ROOT).replace(' ', '_')).toList();
        Map<String, Integer> at = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c);
            if (name.isEmpty()) {
                continue;
            }
            if (!names.contains(name)) {
                errors.add(new Problem.Violation("UNKNOWN_COLUMN", name, 1, table.header().get(c), "'" + table.header().get(c)
                        + "' is not a column of the assignment template" + closest(name, names)));
            } else if (at.putIfAbsent(name, c) != null) {
                errors.add(new Problem.Violation("DUPLICATE_COLUMN", name, 1, name, "the column '" + name + "' appears twice; keep one"));
            }
        }
        COLUMNS.stream().filter(Column::required).filter(c -> !at.containsKey(c.name())).forEach(c -> errors.add(new Problem.Violation(
                "MISSING_COLUMN", c.name(), 1, c.name(), "the file has no '" + c.name() + "' column: " + c.holds()
                        + ". The template's header is " + String.join(",", names) + ".")));
        if (!errors.isEmpty()) {
            return new Read(List.of(), errors);
        }
        List<Row> rows = new ArrayList<>();
        Map<UUID, Integer> corrected = new HashMap<>();
        for (Table.Row row : table.rows()) {
            Cells cells = new Cells(row, at, errors);
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
                    exceptions, cells.text("reason"), cells.text("council_reference"));
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

    private static String closest(String name, List<String> names) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        return names.stream().min(Comparator.comparingInt(c -> distance.apply(name, c))).filter(c -> distance.apply(name, c) <= 3)
                .map(c -> "; did you mean " + c + "?").orElse("; the columns are listed in the template's guidance");
    }

    /** One row's cells, read by column name; what cannot be read is added to the file's errors. */
    private static final class Cells {
        private final Table.Row row;
        private final Map<String, Integer> at;
        private final List<Problem.Violation> errors;

        Cells(Table.Row row, Map<String, Integer> at, List<Problem.Violation> errors) {
            this.row = row;
            this.at = at;
            this.errors = errors;
        }

        boolean allBlank() {
            return at.values().stream().allMatch(c -> row.cell(c).isBlank());
        }

        String text(String column) {
            Integer c = at.get(column);
            if (c == null) {
                return null;
            }
            String value = row.cell(c).trim();
            return value.isEmpty() ? null : value;
        }

        Problem.Violation error(String column, String message) {
            // a message quotes the cell: a cell of megabytes is quoted by its start, not sent back whole
            String said = message.length() > 400 ? message.substring(0, 300) + "… (the cell is too long to quote)" : message;
            return new Problem.Violation("UNREADABLE_CELL", column, row.number(), column, said);
        }

        LocalDate date(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return value.contains("/") ? LocalDate.parse(value, UK_DATE) : LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                errors.add(error(column, "'" + value + "' is not a date; write it as YYYY-MM-DD (e.g. 2026-08-03) or DD/MM/YYYY"));
                return null;
            }
        }

        BigDecimal money(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            String plain = value.replace("£", "").replace(",", "").trim();
            if (plain.length() > 20) {
                // refused unread: a cell of millions of digits would hold the service while it became a number
                errors.add(error(column, "'" + value.substring(0, 20) + "…' is " + value.length() + " characters long; "
                        + "give pounds to the penny, e.g. 36.01"));
                return null;
            }
            try {
                BigDecimal amount = new BigDecimal(plain);
                if (amount.stripTrailingZeros().scale() > 2) {
                    errors.add(error(column, "'" + value + "' has more than two decimal places; give pounds to the penny, e.g. 36.01"));
                    return null;
                }
                return amount;
            } catch (NumberFormatException e) {
                errors.add(error(column, "'" + value + "' is not an amount in pounds; write it as a number, e.g. 36.01"));
                return null;
            }
        }

        Integer whole(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return Integer.valueOf(value.endsWith(".0") ? value.substring(0, value.length() - 2) : value);
            } catch (NumberFormatException e) {
                errors.add(error(column, "'" + value + "' is not a whole number"));
                return null;
            }
        }

        Boolean yesNo(String column) {
            String value = text(column);
            if (value == null) {
                return Boolean.FALSE;
            }
            return switch (value.toUpperCase(Locale.ROOT)) {
                case "Y", "YES", "TRUE" -> Boolean.TRUE;
                case "N", "NO", "FALSE" -> Boolean.FALSE;
                default -> {
                    errors.add(error(column, "'" + value + "' is not Y or N"));
                    yield Boolean.FALSE;
                }
            };
        }

        UUID uuid(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                errors.add(error(column, "'" + value + "' is not an id as the platform gives them (e.g. 3f2b…-…, 36 characters)"));
                return null;
            }
        }
    }
}

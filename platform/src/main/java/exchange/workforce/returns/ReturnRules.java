package exchange.workforce.returns;

import exchange.workforce.measures.MeasureCatalogue;
import exchange.workforce.measures.Symbol;
import exchange.workforce.problem.Problem;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules a return must keep before it is stored, each with a stable code (docs/errors.md, "Return rules").
 * Errors block the whole return; warnings are shown and do not.
 */
final class ReturnRules {

    /** Staff in post moving by more than this share since the last return is worth a second look. */
    static final double SHARP_CHANGE = 0.30;
    /** An average caseload above this is well beyond what councils' own strategies aim for (typically 15-20). */
    static final double HIGH_CASELOAD = 25.0;
    /** FTEs are published to one decimal place: a breakdown may differ from its total by rounding. */
    static final BigDecimal ROUNDING = new BigDecimal("0.1");
    /** The most significant digits a figure may have (as a double holds exactly). */
    static final int SIGNIFICANT_DIGITS = 15;
    /** The longest text read as a figure: 15 digits, grouping commas, a point and a few more zeros; longer is refused unread. */
    static final int LONGEST_FIGURE = 40;
    private static final Pattern NUMBER = Pattern.compile("-?([0-9]+|[0-9]{1,3}(,[0-9]{3})+)(\\.[0-9]+)?");
    /** Pairs where the FTE cannot exceed the number of people (a person is at most 1 FTE). */
    private static final Map<String, String> FTE_WITHIN_HEADCOUNT = Map.of("inpost_fte", "inpost_headcount",
            "starters_fte", "starters_headcount", "leavers_fte", "leavers_headcount", "agency_fte", "agency_headcount");

    record Outcome(List<ReturnValue> values, List<Problem.Violation> errors, List<Problem.Violation> warnings) {
    }

    private final MeasureCatalogue catalogue;
    /** The values of each dimension the region keeps its own list of (exit-interview themes), as in force for this return. */
    private final Map<String, List<String>> regionsOwn;
    private final List<Problem.Violation> errors = new ArrayList<>();
    private final List<Problem.Violation> warnings = new ArrayList<>();
    private final Map<String, ReturnLine> byKey = new LinkedHashMap<>();
    private final Map<String, ReturnValue> values = new LinkedHashMap<>();
    /** Figures left blank: not supplied, stored as nothing (never 0), listed in one warning. */
    private final List<String> blanks = new ArrayList<>();
    /** The warning lists this many blank figures by name, then says how many more. */
    static final int BLANKS_NAMED = 20;

    private ReturnRules(MeasureCatalogue catalogue, Map<String, List<String>> regionsOwn) {
        this.catalogue = catalogue;
        this.regionsOwn = regionsOwn;
    }

    static Outcome check(List<ReturnLine> lines, MeasureCatalogue catalogue, Map<String, ReturnValue> previous) {
        return check(lines, catalogue, previous, Map.of());
    }

    /**
     * @param regionsOwn for each dimension its region keeps a list of (exit-interview themes), the values in force for
     *                   the council's region; a dimension not given here takes the catalogue's starting list
     */
    static Outcome check(List<ReturnLine> lines, MeasureCatalogue catalogue, Map<String, ReturnValue> previous,
                         Map<String, List<String>> regionsOwn) {
        ReturnRules rules = new ReturnRules(catalogue, regionsOwn);
        if (lines.isEmpty()) {
            rules.error(ReturnRule.EMPTY_RETURN.name(), 0, null, "The return has no figures. Give at least one measure and its value.");
        }
        for (ReturnLine line : lines) {
            rules.line(line);
        }
        rules.fteWithinHeadcount();
        rules.atMost("case_holders_fte", List.of("inpost_fte", "agency_fte"), ReturnRule.CASE_HOLDERS_ABOVE_STAFF,
                "case-holding FTE cannot exceed the staff who could hold cases (in post plus agency)");
        rules.atMost("agency_cover_fte", List.of("agency_fte"), ReturnRule.AGENCY_COVER_ABOVE_AGENCY,
                "agency workers covering vacancies cannot exceed the agency workers there are");
        rules.breakdownsAddUp();
        rules.plausibility(previous);
        rules.notSupplied(lines.size());
        return new Outcome(List.copyOf(rules.values.values()), rules.errors, rules.warnings);
    }

    private void line(ReturnLine line) {
        Optional<MeasureCatalogue.Measure> found = catalogue.measure(line.measure());
        if (found.isEmpty()) {
            error(ReturnRule.UNKNOWN_MEASURE.name(), line.row(), "measure", "'" + quoted(line.measure()) + "' is not a measure in the catalogue"
                    + suggestion(line.measure()) + " GET /api/v1/measures lists them.");
            return;
        }
        MeasureCatalogue.Measure measure = found.get();
        if (measure.derived()) {
            error(ReturnRule.DERIVED_MEASURE_TYPED_IN.name(), line.row(), "measure", measure.code() + " is a rate the platform derives from "
                    + "its components; give the components instead (" + String.join(", ", measure.formula().components()) + ").");
            return;
        }
        if (!measure.submitted()) {
            error(ReturnRule.NOT_SUBMITTED_BY_AUTHORITIES.name(), line.row(), "measure", measure.code() + " is published by DfE for every "
                    + "authority and is not part of a workforce return; leave it out.");
            return;
        }
        for (Map.Entry<String, String> part : line.breakdown().entrySet()) {
            if (!measure.breakdowns().contains(part.getKey())) {
                error(ReturnRule.UNKNOWN_BREAKDOWN.name(), line.row(), "breakdown", measure.code() + " is not broken down by " + part.getKey()
                        + (measure.breakdowns().isEmpty() ? "; give its total only." : "; it is broken down by " + measure.breakdowns() + "."));
                return;
            }
            Optional<MeasureCatalogue.Dimension> dimension = catalogue.dimension(part.getKey());
            if (dimension.isPresent() && dimension.get().namedByTheCouncil()) {
                if (!MeasureCatalogue.COUNCILS_OWN_CODE.matcher(part.getValue()).matches()) {
                    error(ReturnRule.UNKNOWN_BREAKDOWN.name(), line.row(), "breakdown", "'" + quoted(part.getValue()) + "' is not a code for "
                            + "your " + dimension.get().label().toLowerCase(Locale.ROOT) + "; name it in capital letters, digits and underscores, "
                            + "up to 40 characters, for example " + part.getKey() + "=MAIDSTONE or " + part.getKey() + "=NORTH_WEST_KENT.");
                    return;
                }
                continue;
            }
            boolean regions = dimension.map(MeasureCatalogue.Dimension::keptByTheRegion).orElse(false) && regionsOwn.containsKey(part.getKey());
            List<String> allowed = regions ? regionsOwn.get(part.getKey())
                    : dimension.map(MeasureCatalogue.Dimension::values).orElse(List.of());
            if (!allowed.contains(part.getValue())) {
                error(ReturnRule.UNKNOWN_BREAKDOWN.name(), line.row(), "breakdown", "'" + quoted(part.getValue()) + "' is not a " + part.getKey()
                        + (regions ? " on your memorandum's list" : "") + "; use one of " + String.join(", ", allowed) + ".");
                return;
            }
        }
        String key = line.measure() + "|" + line.breakdownKey();
        if (byKey.containsKey(key)) {
            error(ReturnRule.DUPLICATE_ROW.name(), line.row(), "measure", measure.code() + (line.breakdownKey().isEmpty() ? "" : " (" + line.breakdownKey() + ")")
                    + " is given twice, also on row " + byKey.get(key).row() + ". Give each figure once.");
            return;
        }
        byKey.put(key, line);
        if (line.readAs() != null) {
            warning(ReturnRule.READ_AS.name(), line.row(), "measure", line.readAs() + ", as the catalogue writes it.");
        }
        String typed = line.value() == null ? "" : line.value().replace('\u00A0', ' ').trim();
        if (typed.isEmpty()) {
            if (measure.mustBeGiven()) {
                error(ReturnRule.REQUIRED_FIGURE_BLANK.name(), line.row(), "value", measure.code() + (line.breakdownKey().isEmpty() ? ""
                        : " (" + line.breakdownKey() + ")") + " must be given in every return: a number, or x if it is unavailable, or z if "
                        + "it does not apply.");
            } else {
                blanks.add(measure.code() + (line.breakdownKey().isEmpty() ? "" : " (" + line.breakdownKey() + ")"));
            }
            return;
        }
        parse(line).ifPresent(value -> values.put(key, value));
    }

    /** One warning naming the figures left blank; a return of nothing but blanks is empty. */
    private void notSupplied(int lines) {
        if (blanks.isEmpty()) {
            return;
        }
        if (blanks.size() == lines) {
            error(ReturnRule.EMPTY_RETURN.name(), 0, null, "Every value in the return is blank. Give at least one figure (a number, "
                    + "or x if it is unavailable, or z if it does not apply).");
            return;
        }
        String named = String.join(", ", blanks.subList(0, Math.min(blanks.size(), BLANKS_NAMED)))
                + (blanks.size() > BLANKS_NAMED ? " and " + (blanks.size() - BLANKS_NAMED) + " more" : "");
        warning(ReturnRule.NOT_SUPPLIED.name(), 0, "value", blanks.size() + (blanks.size() == 1 ? " figure was" : " figures were")
                + " left blank and so not supplied: nothing is stored for " + (blanks.size() == 1 ? "it" : "them") + " (never 0). " + named + ".");
    }

    private Optional<ReturnValue> parse(ReturnLine line) {
        // Excel pads and groups numbers with non-breaking spaces; they are never part of a figure
        String text = line.value() == null ? "" : line.value().replace('\u00A0', ' ').trim();
        Optional<Symbol> symbol = Symbol.of(text).filter(Symbol::givenByCouncils);
        if (symbol.isPresent()) {
            return Optional.of(new ReturnValue(line.measure(), line.breakdownKey(), null, symbol.get()));
        }
        if (text.startsWith("=") || text.startsWith("+") || text.startsWith("@")) {
            error(ReturnRule.NOT_A_NUMBER.name(), line.row(), "value", "'" + text + "' looks like a spreadsheet formula; type the figure itself.");
            return Optional.empty();
        }
        if (text.length() > LONGEST_FIGURE) {
            error(ReturnRule.TOO_MANY_DIGITS.name(), line.row(), "value", "'" + text.substring(0, 20) + "…' is " + text.length()
                    + " characters long; a figure has at most " + SIGNIFICANT_DIGITS + " significant digits. Check the cell.");
            return Optional.empty();
        }
        if (!NUMBER.matcher(text).matches()) {
            error(ReturnRule.NOT_A_NUMBER.name(), line.row(), "value", "'" + text + "' is not a number"
                    + "; give a number such as 12.5, or x if it is unavailable, or z if it does not apply. A missing figure is never 0.");
            return Optional.empty();
        }
        BigDecimal value = canonical(new BigDecimal(text.replace(",", "")));
        if (text.contains(",")) {
            warning(ReturnRule.READ_AS.name(), line.row(), "value", "'" + text + "' was read as " + value.toPlainString() + ".");
        }
        if (value.signum() < 0) {
            error(ReturnRule.NEGATIVE.name(), line.row(), "value", line.measure() + " cannot be negative (" + text + ").");
            return Optional.empty();
        }
        if (value.precision() > SIGNIFICANT_DIGITS) {
            error(ReturnRule.TOO_MANY_DIGITS.name(), line.row(), "value", "'" + text + "' has " + value.precision()
                    + " significant digits; a figure has at most " + SIGNIFICANT_DIGITS + ". Check the cell.");
            return Optional.empty();
        }
        Optional<MeasureCatalogue.Measure> measure = catalogue.measure(line.measure());
        Optional<BigDecimal> largest = measure.flatMap(catalogue::largest);
        if (largest.isPresent() && value.compareTo(largest.get()) > 0) {
            error(ReturnRule.OUT_OF_RANGE.name(), line.row(), "value", line.measure() + " is " + value.toPlainString() + (measure.get().largest() != null
                    ? ", above the largest it can be: " + measure.get().label() + " is at most " + largest.get().toPlainString() + ". Check the cell."
                    : ", more than any authority could have: a figure in " + measure.get().unit() + " is at most " + largest.get().toPlainString() + ". Check the cell."));
            return Optional.empty();
        }
        return Optional.of(new ReturnValue(line.measure(), line.breakdownKey(), value, null));
    }

    /** 90, 90.0 and 90.00 are one figure, whichever channel it came by: stored without trailing zeros. */
    private static BigDecimal canonical(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.setScale(Math.max(stripped.scale(), 0)); // 1E+2 back to 100
    }

    private void fteWithinHeadcount() {
        FTE_WITHIN_HEADCOUNT.forEach((fte, headcount) -> number(fte).ifPresent(f -> number(headcount).ifPresent(h -> {
            if (f.compareTo(h) > 0) {
                error(ReturnRule.FTE_ABOVE_HEADCOUNT.name(), byKey.get(fte + "|").row(), "value", fte + " (" + f.toPlainString() + ") is more than "
                        + headcount + " (" + h.toPlainString() + "): one person is at most one FTE.");
            }
        })));
    }

    private void atMost(String measure, List<String> limits, ReturnRule rule, String why) {
        Optional<BigDecimal> value = number(measure);
        List<Optional<BigDecimal>> parts = limits.stream().map(this::number).toList();
        if (value.isEmpty() || parts.stream().anyMatch(Optional::isEmpty)) {
            return;
        }
        BigDecimal limit = parts.stream().map(Optional::get).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (value.get().compareTo(limit) > 0) {
            error(rule.name(), byKey.get(measure + "|").row(), "value", measure + " is " + value.get().toPlainString() + " but "
                    + String.join(" + ", limits) + " is " + limit.toPlainString() + ": " + why + ".");
        }
    }

    /**
     * Where a total and every part of one breakdown are numbers, the parts add up to the total — for measures the
     * catalogue aggregates by summing only: a median or mean time to hire, or a maximum caseload, by role or team
     * does not add up to the whole.
     */
    private void breakdownsAddUp() {
        Map<String, Map<String, List<ReturnValue>>> parts = new HashMap<>();
        for (ReturnValue value : values.values()) {
            boolean additive = catalogue.measure(value.measure()).map(m -> "sum".equals(m.aggregation().method())).orElse(false);
            if (additive && !value.breakdown().isEmpty() && !value.breakdown().contains(";")) {
                String dimension = value.breakdown().substring(0, value.breakdown().indexOf('='));
                parts.computeIfAbsent(value.measure(), m -> new HashMap<>()).computeIfAbsent(dimension, d -> new ArrayList<>()).add(value);
            }
        }
        parts.forEach((measure, byDimension) -> byDimension.forEach((dimension, list) -> number(measure).ifPresent(total -> {
            if (list.stream().anyMatch(v -> v.value() == null)) {
                return;
            }
            BigDecimal sum = list.stream().map(ReturnValue::value).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.subtract(total).abs().compareTo(ROUNDING.multiply(BigDecimal.valueOf(list.size()))) > 0) {
                int row = list.stream().map(v -> byKey.get(v.measure() + "|" + v.breakdown()).row()).min(Comparator.naturalOrder()).orElse(0);
                error(ReturnRule.BREAKDOWN_DOES_NOT_ADD_UP.name(), row, "value", measure + " by " + dimension + " adds up to " + sum.toPlainString()
                        + " but the total given is " + total.toPlainString() + ". Correct a part or the total.");
            }
        })));
    }

    private void plausibility(Map<String, ReturnValue> previous) {
        ReturnValue before = previous.get("inpost_fte|");
        number("inpost_fte").ifPresent(now -> {
            if (before != null && before.value() != null && before.value().signum() > 0) {
                double change = now.subtract(before.value()).doubleValue() / before.value().doubleValue();
                if (Math.abs(change) > SHARP_CHANGE) {
                    warning(ReturnRule.STAFF_CHANGED_SHARPLY.name(), byKey.get("inpost_fte|").row(), "value", String.format(Locale.ROOT,
                            "inpost_fte moved from %s to %s (%+.0f%%) since the last return; please check it is right.",
                            before.value().toPlainString(), now.toPlainString(), change * 100));
                }
            }
        });
        number("cases").ifPresent(cases -> number("case_holders_fte").filter(h -> h.signum() > 0).ifPresent(holders -> {
            double caseload = cases.doubleValue() / holders.doubleValue();
            if (caseload > HIGH_CASELOAD) {
                warning(ReturnRule.CASELOAD_HIGH.name(), byKey.get("cases|").row(), "value", String.format(Locale.ROOT,
                        "the average caseload is %.1f cases per case-holding FTE, above %.0f; please check cases and case_holders_fte.",
                        caseload, HIGH_CASELOAD));
            }
        }));
    }

    private Optional<BigDecimal> number(String measure) {
        return Optional.ofNullable(values.get(measure + "|")).map(ReturnValue::value);
    }

    private String suggestion(String typed) {
        if (typed.length() > 64) {
            return "."; // no code is that long, and comparing a cell of megabytes with every code would hold the service
        }
        var distance = LevenshteinDistance.getDefaultInstance();
        return catalogue.measures().stream().filter(m -> !m.derived())
                .min(Comparator.comparingInt(m -> distance.apply(typed.toLowerCase(Locale.ROOT), m.code())))
                .filter(m -> distance.apply(typed.toLowerCase(Locale.ROOT), m.code()) <= Math.max(3, typed.length() / 3))
                .map(m -> "; did you mean " + m.code() + "?").orElse(".");
    }

    /** A cell as a message quotes it: whole up to 64 characters, else its start. */
    private static String quoted(String cell) {
        return cell.length() > 64 ? cell.substring(0, 60) + "…" : cell;
    }

    private void error(String code, int row, String column, String message) {
        errors.add(new Problem.Violation(code, column, row == 0 ? null : row, column, message));
    }

    private void warning(String code, int row, String column, String message) {
        warnings.add(new Problem.Violation(code, column, row == 0 ? null : row, column, message));
    }
}

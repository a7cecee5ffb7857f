package exchange.workforce.published;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * DfE's publications the platform knows, recognised by what a file holds (the measure columns that define each),
 * never by the file's name: DfE's workforce file saved as "download (3).csv" is still the workforce publication,
 * and a file that is none of them is refused, saying what each would need.
 */
public final class Publications {

    /**
     * The files loaded on a first local start and by {@code migrate}: DfE's 2024 releases. The 2023 releases are
     * bundled too, for analyses that hold the latest year out; importing them after these changes nothing (vintages).
     */
    public static final List<String> BUNDLED = List.of("csww_indicators_2017_to_2024.csv", "cin_referrals_2013_to_2024.csv",
            "children_in_need_2013_to_2024.csv", "child_protection_plans_2013_to_2024.csv", "population_0_to_17_2012_to_2024.csv");

    private static final String WORKFORCE = "Department for Education, Children's social work workforce (Open Government Licence v3.0)";
    private static final String CHILDREN_IN_NEED = "Department for Education, Characteristics of children in need (Open Government Licence v3.0)";
    private static final String POPULATION = "Office for National Statistics, mid-year population estimates (Open Government Licence v3.0)";

    /**
     * A publication: its code, what it is called, its credit, the measure columns its files hold (some or all), and
     * how many years later than its own {@code time_period} each figure is stored: ONS's population at 30 June is the
     * denominator for the children-in-need year that begins after it (mid-2023 for the year to 31 March 2024), as
     * DfE's dashboard aligns them, so it is stored against that year and a rate reads both from one period.
     */
    record Publication(String code, String title, String source, Set<String> columns, int yearsLater) {

        Publication(String code, String title, String source, Set<String> columns) {
            this(code, title, source, columns, 0);
        }

        /** The period a figure of this publication is stored against: its own, or as many years later as the publication says. */
        String storedPeriod(String timePeriod) {
            if (yearsLater == 0 || timePeriod == null || !timePeriod.matches("[0-9]{4}")) {
                return timePeriod;
            }
            return String.valueOf(Integer.parseInt(timePeriod) + yearsLater);
        }

        long overlap(Set<String> file) {
            return file.stream().filter(columns::contains).count();
        }
    }

    static final List<Publication> KNOWN = List.of(
            new Publication("csww_indicators", "Children's social work workforce: indicators by authority", WORKFORCE, Set.of(
                    "inpost_fte", "inpost_headcount", "starters_fte", "starters_headcount", "leavers_fte", "leavers_headcount",
                    "turnover_rate_fte", "turnover_rate_headcount", "agency_fte", "agency_headcount", "agency_rate_fte",
                    "agency_rate_headcount", "agency_cover_fte", "agency_cover_rate_fte", "vacancy_fte", "vacancy_rate_fte",
                    "vacancy_agency_cover_rate_fte", "case_holders_fte", "cases", "caseload_fte", "working_days_lost_fte",
                    "absence_rate_fte")),
            new Publication("cin_referrals", "Children in need: referrals and re-referrals", CHILDREN_IN_NEED, Set.of(
                    "referral_count", "rereferral_count", "rereferral_percent", "no_further_action_count", "no_further_action_percent",
                    "not_in_need_count", "not_in_need_percent", "referral_child_count", "rereferral_child_count",
                    "rereferral_child_percent")),
            new Publication("children_in_need", "Children in need: episodes", CHILDREN_IN_NEED, Set.of(
                    "anypoint_episodes", "anypoint_child", "started_episodes", "started_child", "ended_episodes", "ended_child",
                    "at31_episodes", "awaiting_assessment")),
            new Publication("child_protection_plans", "Child protection plans at 31 March", CHILDREN_IN_NEED, Set.of(
                    "cpp_at31", "3_months_or_less", "3_months_or_less_percent", "more_than_3_months_6_months",
                    "more_than_3_months_6_months_percent", "more_than_6_months_less_than_1_year",
                    "more_than_6_months_less_than_1_year_percent", "1_year_less_than_2_years", "1_year_less_than_2_years_percent",
                    "2_years_or_more", "2_years_or_more_percent")),
            new Publication("ons_population", "Population of children aged 0 to 17 (ONS mid-year estimates)", POPULATION,
                    Set.of("population_estimate"), 1));

    /** Columns of DfE's layout that describe rather than measure (the children-in-need files' category, ONS's age group). */
    private static final Set<String> DESCRIPTIVE = Set.of("category", "age_group");

    private Publications() {
    }

    /** The publication a file's content shows it to be (see {@link #recognise}). */
    static Publication of(byte[] file) throws java.io.IOException {
        return recognise(exchange.workforce.adapters.dfe.EesFile.read(new java.io.ByteArrayInputStream(file)).measures());
    }

    /**
     * The publication a file's measure columns show it to be: the one that holds every one of them.
     *
     * @throws IllegalArgumentException for a file that is none, naming the columns no publication it resembles holds
     */
    static Publication recognise(List<String> measureColumns) {
        Set<String> columns = measureColumns.stream().map(c -> c.trim().toLowerCase(Locale.ROOT))
                .filter(c -> !DESCRIPTIVE.contains(c)).collect(Collectors.toCollection(java.util.TreeSet::new));
        Publication closest = KNOWN.stream().max(java.util.Comparator.comparingLong(p -> p.overlap(columns))).orElseThrow();
        if (!columns.isEmpty() && closest.overlap(columns) == columns.size()) {
            return closest;
        }
        if (closest.overlap(columns) == 0) {
            throw new IllegalArgumentException("This is not a DfE file the platform knows: none of its measure columns ("
                    + String.join(", ", columns.stream().limit(8).toList()) + (columns.size() > 8 ? ", …" : "") + ") is in "
                    + KNOWN.stream().map(Publication::title).collect(Collectors.joining(", ")) + ".");
        }
        List<String> unknown = columns.stream().filter(c -> !closest.columns().contains(c)).toList();
        throw new IllegalArgumentException("This looks like DfE's " + closest.title() + ", but the platform does not know its column"
                + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown) + "; nothing was stored. If DfE has added "
                + (unknown.size() == 1 ? "it" : "them") + ", the platform needs updating to know what "
                + (unknown.size() == 1 ? "it means" : "they mean") + ".");
    }
}

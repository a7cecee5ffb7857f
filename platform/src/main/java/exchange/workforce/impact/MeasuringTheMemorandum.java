package exchange.workforce.impact;

import exchange.workforce.benchmark.Benchmarking;
import exchange.workforce.benchmark.StatisticalNeighbours;
import exchange.workforce.identity.Caller;
import exchange.workforce.measures.MeasureCatalogue;
import exchange.workforce.memorandum.Memoranda;
import exchange.workforce.memorandum.Membership;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.ProblemCode;
import exchange.workforce.tenancy.Authority;
import exchange.workforce.tenancy.Regions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Did the memorandum work? For the caller's region and a census measure: each current member's change from the census
 * years before it joined to the years after, against councils that had not joined any memorandum by then (its DfE
 * statistical neighbours, or councils matched on the years before), on DfE's published figures for every council in
 * England — never a council's return, so the same answer for everyone in the region. The arithmetic is
 * {@link DifferenceInDifferences}; this decides who is a member, since when, and who may be compared.
 *
 * <p>A census year runs from 1 October to 30 September (figures at 30 September). A year counts as "before" if it
 * ended before the member joined and "after" if it began on or after; the year it joined in is neither.
 */
@Singleton
public class MeasuringTheMemorandum {

    /** The census measures a memorandum sets out to move, with the words for their differences. */
    static final Map<String, String> MEASURES = new LinkedHashMap<>();

    static {
        MEASURES.put("agency_rate_fte", "percentage points");
        MEASURES.put("turnover_rate_fte", "percentage points");
        MEASURES.put("vacancy_rate_fte", "percentage points");
        MEASURES.put("caseload_fte", "cases per social worker");
    }

    private static final DateTimeFormatter GOVUK = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** The answer: the estimate, who it is of, who they were compared with and why, and what it can and cannot say. */
    @Serdeable
    public record Impact(String regionCode, String regionName, String measure, String measureLabel, String unit,
                         @Nullable BigDecimal estimate, @Nullable BigDecimal lower95, @Nullable BigDecimal upper95,
                         @Nullable BigDecimal standardError, List<MemberResult> members, List<NotEstimated> notEstimated,
                         List<ComparisonCouncil> comparison, @Nullable PreTrend preTrend, String conclusion,
                         List<String> cannotConclude, String method, String source, List<YearMeans> series) {
    }

    /** One member: when it joined, its years each side, its mean each side, its comparison's change, and its difference. */
    @Serdeable
    public record MemberResult(String code, String name, LocalDate joined, List<String> yearsBefore, List<String> yearsAfter,
                               BigDecimal before, BigDecimal after, BigDecimal change, List<String> comparedWith,
                               BigDecimal comparisonChange, BigDecimal difference) {
    }

    /** A member the estimate leaves out, and why. */
    @Serdeable
    public record NotEstimated(String code, String name, @Nullable LocalDate joined, String reason) {
    }

    /** A council the members were compared against, and why it was chosen. */
    @Serdeable
    public record ComparisonCouncil(String code, String name, String why) {
    }

    /** Members' yearly slope before joining minus their comparison's: near zero when the comparison is fair. */
    @Serdeable
    public record PreTrend(BigDecimal estimate, @Nullable BigDecimal lower95, @Nullable BigDecimal upper95, String reading) {
    }

    /** The chart's figures: each year, the mean of the estimated members' figures and of their comparison councils'. */
    @Serdeable
    public record YearMeans(String year, @Nullable BigDecimal members, @Nullable BigDecimal comparison) {
    }

    private final Memoranda memoranda;
    private final Benchmarking benchmarking;
    private final StatisticalNeighbours neighbours;
    private final Regions regions;
    private final MeasureCatalogue catalogue;
    private final Clock clock;

    MeasuringTheMemorandum(Memoranda memoranda, Benchmarking benchmarking, StatisticalNeighbours neighbours, Regions regions,
                           MeasureCatalogue catalogue, Clock clock) {
        this.memoranda = memoranda;
        this.benchmarking = benchmarking;
        this.neighbours = neighbours;
        this.regions = regions;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** The measures this can be asked for, with their labels: the census rates a memorandum sets out to move. */
    public Map<String, String> measures() {
        Map<String, String> labels = new LinkedHashMap<>();
        MEASURES.keySet().forEach(code -> labels.put(code, catalogue.measure(code).map(MeasureCatalogue.Measure::label).orElse(code)));
        return labels;
    }

    /** The impact of the caller's region's memorandum on the measure. */
    @ReadOnly
    public Impact impact(Caller caller, @Nullable String measureCode) {
        String region = caller.regionCode().orElseThrow();
        String code = measureCode == null ? "" : measureCode.trim();
        if (!MEASURES.containsKey(code)) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "measure", "measure: '" + code + "' cannot be compared before and "
                    + "after joining. Give one of " + String.join(", ", MEASURES.keySet()) + ": DfE publishes these for every "
                    + "council every year, so members can be compared with councils that had not joined. Agency spend is not among "
                    + "them: only members' own returns hold it, so there is no one to compare with.");
        }
        MeasureCatalogue.Measure measure = catalogue.measure(code).orElseThrow();
        LocalDate today = LocalDate.now(clock);
        List<Authority> authorities = regions.authorities("");
        Map<String, SortedMap<Integer, Double>> panel = continued(benchmarking.publishedPanel(code, true).series(), authorities);
        int lastYear = panel.values().stream().filter(s -> !s.isEmpty()).mapToInt(SortedMap::lastKey).max().orElse(0);
        Map<String, LocalDate> firstJoined = memoranda.firstJoinedAnyMemorandum();
        Map<String, LocalDate> joined = joinedAndStillMembers(memoranda.memberships(region), today);

        List<DifferenceInDifferences.Member> members = new ArrayList<>();
        for (Map.Entry<String, LocalDate> member : joined.entrySet()) {
            LocalDate day = member.getValue();
            int lastBefore = LocalDate.of(day.getYear(), 9, 30).isBefore(day) ? day.getYear() : day.getYear() - 1;
            int firstAfter = day.isAfter(LocalDate.of(day.getYear(), 10, 1)) ? day.getYear() + 2 : day.getYear() + 1;
            LocalDate windowEnds = LocalDate.of(Math.min(lastYear, firstAfter + DifferenceInDifferences.YEARS_EACH_SIDE - 1), 9, 30);
            List<String> eligible = panel.keySet().stream()
                    .filter(c -> !c.equals(member.getKey()) && (firstJoined.get(c) == null || firstJoined.get(c).isAfter(windowEnds)))
                    .sorted().toList();
            List<String> ownNeighbours = regions.authority(member.getKey()).flatMap(a -> neighbours.of(a.dfeNumber())).orElse(List.of())
                    .stream().map(regions::authority).flatMap(Optional::stream).map(Authority::code).filter(eligible::contains).toList();
            members.add(new DifferenceInDifferences.Member(member.getKey(), lastBefore, firstAfter, ownNeighbours, eligible));
        }
        DifferenceInDifferences.Result result = DifferenceInDifferences.estimate(panel, members);
        return answer(region, measure, MEASURES.get(code), joined, result, panel, firstJoined, lastYear);
    }

    /**
     * Each authority's series continued through a change of ONS code that kept its DfE number (Somerset was E10000027
     * until 31 March 2023 and is E06000066 since; North Yorkshire likewise): the authority that stands today carries its
     * predecessor's earlier figures. An authority split or merged into others (Cumbria) keeps its own: its number went.
     */
    static Map<String, SortedMap<Integer, Double>> continued(Map<String, SortedMap<Integer, Double>> published, List<Authority> authorities) {
        Map<String, SortedMap<Integer, Double>> panel = new TreeMap<>();
        published.forEach((code, series) -> panel.put(code, new TreeMap<>(series)));
        authorities.stream().collect(Collectors.groupingBy(Authority::dfeNumber)).values().stream().filter(same -> same.size() > 1)
                .forEach(same -> {
                    Authority standing = same.stream().max(Comparator.comparing(Authority::active)
                            .thenComparing(Authority::lastPublishedYear)).orElseThrow();
                    SortedMap<Integer, Double> series = panel.computeIfAbsent(standing.code(), c -> new TreeMap<>());
                    same.stream().filter(a -> a != standing).forEach(earlier -> {
                        panel.getOrDefault(earlier.code(), new TreeMap<>()).forEach(series::putIfAbsent);
                        panel.remove(earlier.code());
                    });
                    if (series.isEmpty()) {
                        panel.remove(standing.code());
                    }
                });
        return panel;
    }

    /**
     * Each authority that is a member today, with the day its unbroken membership began (a membership that starts the
     * day the one before it ends continues it, e.g. a pilot phase then phase 1).
     */
    static Map<String, LocalDate> joinedAndStillMembers(List<Membership> memberships, LocalDate today) {
        Map<String, List<Membership>> byAuthority = memberships.stream().collect(Collectors.groupingBy(Membership::authorityCode,
                TreeMap::new, Collectors.toList()));
        Map<String, LocalDate> joined = new TreeMap<>();
        byAuthority.forEach((authority, spells) -> {
            List<Membership> ordered = spells.stream().sorted(Comparator.comparing(Membership::effectiveFrom)).toList();
            LocalDate start = null;
            LocalDate end = null; // the day the unbroken run ends, unless it is open (has no end)
            boolean open = false;
            boolean current = false;
            for (Membership spell : ordered) {
                if (start == null || !open && spell.effectiveFrom().isAfter(end)) {
                    start = spell.effectiveFrom(); // the first membership, or one after a gap: membership begins again
                    end = spell.effectiveFrom();
                    open = false;
                }
                if (spell.effectiveTo() == null) {
                    open = true;
                } else if (!open && spell.effectiveTo().isAfter(end)) {
                    end = spell.effectiveTo();
                }
                if (!spell.effectiveFrom().isAfter(today) && (spell.effectiveTo() == null || spell.effectiveTo().isAfter(today))) {
                    current = true;
                    break;
                }
            }
            if (current) {
                joined.put(authority, start);
            }
        });
        return joined;
    }

    private Impact answer(String region, MeasureCatalogue.Measure measure, String unit, Map<String, LocalDate> joined,
                          DifferenceInDifferences.Result result, Map<String, SortedMap<Integer, Double>> panel,
                          Map<String, LocalDate> firstJoined, int lastYear) {
        List<MemberResult> members = result.members().stream().map(m -> new MemberResult(m.code(), name(m.code()), joined.get(m.code()),
                years(m.yearsBefore()), years(m.yearsAfter()), round(m.before()), round(m.after()), round(m.change()),
                m.comparison().stream().map(DifferenceInDifferences.Comparison::code).toList(), round(m.comparisonChange()),
                round(m.effect()))).sorted(Comparator.comparing(MemberResult::name)).toList();
        List<NotEstimated> notEstimated = result.skipped().stream().map(s -> new NotEstimated(s.code(), name(s.code()),
                joined.get(s.code()), s.reason())).toList();
        Map<String, List<String>> neighbourOf = new TreeMap<>();
        Map<String, List<String>> matchedTo = new TreeMap<>();
        for (DifferenceInDifferences.MemberEffect m : result.members()) {
            for (DifferenceInDifferences.Comparison c : m.comparison()) {
                (c.why() == DifferenceInDifferences.Why.STATISTICAL_NEIGHBOUR ? neighbourOf : matchedTo)
                        .computeIfAbsent(c.code(), k -> new ArrayList<>()).add(name(m.code()));
            }
        }
        List<ComparisonCouncil> comparison = new ArrayList<>();
        TreeSet<String> compared = new TreeSet<>(neighbourOf.keySet());
        compared.addAll(matchedTo.keySet());
        compared.forEach(code -> {
            List<String> why = new ArrayList<>();
            if (neighbourOf.containsKey(code)) {
                why.add("a DfE statistical neighbour of " + words(neighbourOf.get(code)));
            }
            if (matchedTo.containsKey(code)) {
                why.add("among the councils closest to " + words(matchedTo.get(code)) + " in the years before joining");
            }
            LocalDate first = firstJoined.get(code);
            comparison.add(new ComparisonCouncil(code, name(code), String.join("; ", why) + (first == null ? "; never a memorandum member"
                    : "; not a memorandum member until " + GOVUK.format(first))));
        });
        comparison.sort(Comparator.comparing(ComparisonCouncil::name));

        DifferenceInDifferences.Estimate estimate = result.estimate();
        PreTrend preTrend = result.preTrend() == null ? null : new PreTrend(round(result.preTrend().value()),
                roundOrNull(result.preTrend().lower95()), roundOrNull(result.preTrend().upper95()),
                result.preTrend().excludesZero()
                        ? "Before joining, members' " + measure.label().toLowerCase(Locale.UK) + " was already moving differently from their "
                        + "comparison councils' (by " + signed(result.preTrend().value()) + " " + unit + " a year), so the difference "
                        + "after joining may continue that, not show the memorandum's effect."
                        : "Before joining, members' figures and their comparison councils' moved alike: the interval of the yearly "
                        + "difference includes none, as a fair comparison needs.");
        String regionName = regions.region(region).map(r -> r.name()).orElse(region);
        return new Impact(region, regionName, measure.code(), measure.label(), unit,
                estimate == null ? null : round(estimate.value()), estimate == null ? null : roundOrNull(estimate.lower95()),
                estimate == null ? null : roundOrNull(estimate.upper95()), estimate == null ? null : roundOrNull(estimate.standardError()),
                members, notEstimated, comparison, preTrend, conclusion(measure, unit, estimate, result, joined, lastYear),
                cannotConclude(result), METHOD, "DfE, children's social work workforce: published figures for every council, "
                + (lastYear == 0 ? "none imported" : "to " + lastYear + " (at 30 September)") + ". Councils' own returns are not used.",
                series(result, panel));
    }

    static final String METHOD = "Difference in differences, member by member. For each member: the mean of its figures in up to "
            + "three census years wholly before it joined and up to three wholly after (the year it joined in is left out); the same "
            + "years' means for councils that had not joined any memorandum by the end of those years — its DfE statistical "
            + "neighbours, or, where fewer than three have the figures, the councils closest to it in the years before; its "
            + "difference is its change minus their average change. The estimate is the mean of the members' differences; the 95% "
            + "interval is Student's t on their spread (n − 1 degrees of freedom). See docs/impact.md.";

    private static String conclusion(MeasureCatalogue.Measure measure, String unit, @Nullable DifferenceInDifferences.Estimate estimate,
                                     DifferenceInDifferences.Result result, Map<String, LocalDate> joined, int lastYear) {
        String label = measure.label().toLowerCase(Locale.UK);
        if (estimate == null) {
            if (joined.isEmpty()) {
                return "Your memorandum has no members today, so there is nothing to estimate.";
            }
            LocalDate latest = joined.values().stream().max(Comparator.naturalOrder()).orElseThrow();
            return "There is no estimate yet: " + (lastYear == 0 ? "no DfE figures are imported."
                    : "DfE's published figures run to 30 September " + lastYear + ", and no member has a census year wholly after it "
                    + "joined (members joined as late as " + GOVUK.format(latest) + "). The first estimate will be possible when DfE "
                    + "publishes the census year after that.");
        }
        String size = Math.abs(estimate.value()) < 0.05 ? "no more and no less" : round(Math.abs(estimate.value())).toPlainString() + " " + unit
                + (estimate.value() < 0 ? " less" : " more");
        String summary = "Since joining, members' " + label + " changed by " + size + " than comparable councils' that had not joined ("
                + estimate.members() + (estimate.members() == 1 ? " member" : " members") + ")";
        if (estimate.lower95() == null) {
            return summary + ". With one member there is no interval, so this cannot be told apart from chance.";
        }
        String interval = "95% interval " + signed(estimate.lower95()) + " to " + signed(estimate.upper95()) + " " + unit;
        if (estimate.excludesZero()) {
            return summary + "; " + interval + ". A difference this size is unlikely to be chance alone, but it shows an association "
                    + "with joining, not that the memorandum caused it.";
        }
        return summary + "; " + interval + ", which includes no difference. The data cannot tell an effect of the memorandum from "
                + "none.";
    }

    private static List<String> cannotConclude(DifferenceInDifferences.Result result) {
        List<String> caveats = new ArrayList<>();
        caveats.add("Councils chose to join; what led them to join (a new Director, a recruitment drive) may also have moved the figure.");
        caveats.add("Anything else that changed for members at the same time, and not for comparison councils, is counted as the "
                + "memorandum's.");
        caveats.add("DfE's figures are a snapshot at 30 September each year; a change within a year is not seen.");
        if (result.preTrend() != null && result.preTrend().excludesZero()) {
            caveats.add("Members were already moving differently before joining: the check below says by how much.");
        }
        if (!result.skipped().isEmpty()) {
            caveats.add(result.skipped().size() + (result.skipped().size() == 1 ? " member is" : " members are")
                    + " left out: the estimate is of the others only.");
        }
        return caveats;
    }

    /** Each year's mean figure of the estimated members and of every council they were compared with (their own years). */
    private static List<YearMeans> series(DifferenceInDifferences.Result result, Map<String, SortedMap<Integer, Double>> panel) {
        if (result.members().isEmpty()) {
            return List.of();
        }
        TreeSet<String> comparison = new TreeSet<>();
        result.members().forEach(m -> m.comparison().forEach(c -> comparison.add(c.code())));
        int first = result.members().stream().mapToInt(m -> m.yearsBefore().get(0)).min().orElseThrow();
        int last = result.members().stream().mapToInt(m -> m.yearsAfter().get(m.yearsAfter().size() - 1)).max().orElseThrow();
        List<YearMeans> years = new ArrayList<>();
        for (int year = first; year <= last; year++) {
            int y = year;
            years.add(new YearMeans(String.valueOf(year),
                    mean(result.members().stream().map(m -> panel.getOrDefault(m.code(), new TreeMap<>()).get(y)).toList()),
                    mean(comparison.stream().map(c -> panel.getOrDefault(c, new TreeMap<>()).get(y)).toList())));
        }
        return years;
    }

    private static @Nullable BigDecimal mean(List<Double> values) {
        List<Double> present = values.stream().filter(java.util.Objects::nonNull).toList();
        return present.isEmpty() ? null : round(present.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
    }

    private String name(String code) {
        return regions.authority(code).map(Authority::name).orElse(code);
    }

    private static List<String> years(List<Integer> years) {
        return years.stream().map(String::valueOf).toList();
    }

    private static String words(List<String> names) {
        List<String> distinct = names.stream().distinct().toList();
        if (distinct.size() == 1) {
            return distinct.get(0);
        }
        return String.join(", ", distinct.subList(0, distinct.size() - 1)) + " and " + distinct.get(distinct.size() - 1);
    }

    private static String signed(double value) {
        BigDecimal rounded = round(value);
        return (rounded.signum() > 0 ? "+" : rounded.signum() < 0 ? "−" : "") + rounded.abs().toPlainString();
    }

    static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    private static @Nullable BigDecimal roundOrNull(@Nullable Double value) {
        return value == null ? null : round(value);
    }
}

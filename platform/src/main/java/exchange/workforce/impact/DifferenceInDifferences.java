package exchange.workforce.impact;

import io.micronaut.core.annotation.Nullable;
import org.hipparchus.distribution.continuous.TDistribution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.IntStream;

/**
 * The memorandum's effect on a measure, member by member: how much more (or less) each member's figure changed from
 * the years before it joined to the years after than the figures of comparable councils that had not joined changed
 * over the same years — a difference in differences, matched per member, so members that joined on different dates
 * are each compared over their own years (a pooled two-way fixed-effects regression is biased when joining is
 * staggered; this is not). The estimate is the mean of the members' differences; its 95% interval is Student's t on
 * their spread, so it carries both the members' and their comparison councils' year-to-year noise. Pure arithmetic on
 * the figures given: the use case ({@link MeasuringTheMemorandum}) decides who is a member, since when, and who may be
 * compared. Method and a worked example: docs/impact.md.
 */
public final class DifferenceInDifferences {

    /** Years compared on each side of joining: up to three before, up to three after. */
    public static final int YEARS_EACH_SIDE = 3;
    /** Comparison councils wanted per member: its statistical neighbours first, topped up by matching if fewer. */
    public static final int MIN_NEIGHBOURS = 3;
    public static final int MATCHED = 5;

    /** Why a council is in a member's comparison. */
    public enum Why { STATISTICAL_NEIGHBOUR, MATCHED_BEFORE_JOINING }

    /**
     * A member to estimate for: its code, the last census year wholly before it joined, the first wholly after, its
     * statistical neighbours that had not joined any memorandum by the end of its years after, and every council that
     * had not (for matching when fewer than {@link #MIN_NEIGHBOURS} neighbours have the figures).
     */
    public record Member(String code, int lastYearBefore, int firstYearAfter, List<String> neighbours, List<String> eligible) {
    }

    /** A council a member is compared with, why, and how its figure changed over the member's years. */
    public record Comparison(String code, Why why, double before, double after, double change) {
    }

    /** One member's difference in differences. */
    public record MemberEffect(String code, List<Integer> yearsBefore, List<Integer> yearsAfter, double before, double after,
                               double change, List<Comparison> comparison, double comparisonChange, double effect,
                               @Nullable Double trendBefore) {
    }

    /** A member left out, and why in words. */
    public record Skipped(String code, String reason) {
    }

    /** A mean of per-member differences with its 95% interval (no interval from fewer than two members). */
    public record Estimate(double value, @Nullable Double lower95, @Nullable Double upper95, @Nullable Double standardError, int members) {

        public boolean excludesZero() {
            return lower95 != null && (lower95 > 0 || upper95 < 0);
        }
    }

    /**
     * The estimate and, where members have two or more years before joining, the pre-trend check: the same
     * difference taken on the yearly slope before joining, which should be near zero if the comparison is fair.
     */
    public record Result(List<MemberEffect> members, List<Skipped> skipped, @Nullable Estimate estimate, @Nullable Estimate preTrend) {
    }

    private DifferenceInDifferences() {
    }

    /**
     * @param panel   every council's published figures by year (the measure's whole series)
     * @param members the members with their years and the councils they may be compared with
     */
    public static Result estimate(Map<String, SortedMap<Integer, Double>> panel, List<Member> members) {
        int lastYear = panel.values().stream().filter(s -> !s.isEmpty()).mapToInt(SortedMap::lastKey).max().orElse(0);
        List<MemberEffect> effects = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Member member : members) {
            SortedMap<Integer, Double> own = panel.getOrDefault(member.code(), new java.util.TreeMap<>());
            if (member.firstYearAfter() > lastYear) {
                skipped.add(new Skipped(member.code(), "no census year after it joined is published yet (the first would be "
                        + member.firstYearAfter() + ")"));
                continue;
            }
            List<Integer> before = IntStream.rangeClosed(member.lastYearBefore() - YEARS_EACH_SIDE + 1, member.lastYearBefore())
                    .filter(own::containsKey).boxed().toList();
            List<Integer> after = IntStream.rangeClosed(member.firstYearAfter(), Math.min(lastYear, member.firstYearAfter() + YEARS_EACH_SIDE - 1))
                    .filter(own::containsKey).boxed().toList();
            if (before.isEmpty() || after.isEmpty()) {
                skipped.add(new Skipped(member.code(), before.isEmpty() ? "DfE publishes no figure of its own for the years before it joined"
                        : "DfE publishes no figure of its own for the years after it joined"));
                continue;
            }
            double ownBefore = mean(own, before);
            List<Comparison> comparison = new ArrayList<>();
            for (String neighbour : member.neighbours()) {
                comparison(panel, neighbour, Why.STATISTICAL_NEIGHBOUR, before, after).ifPresent(comparison::add);
            }
            if (comparison.size() < MIN_NEIGHBOURS) {
                List<String> taken = comparison.stream().map(Comparison::code).toList();
                member.eligible().stream()
                        .filter(c -> !c.equals(member.code()) && !taken.contains(c))
                        .map(c -> comparison(panel, c, Why.MATCHED_BEFORE_JOINING, before, after))
                        .flatMap(java.util.Optional::stream)
                        .sorted(Comparator.comparingDouble((Comparison c) -> Math.abs(c.before() - ownBefore)).thenComparing(Comparison::code))
                        .limit(Math.max(0, MATCHED - comparison.size()))
                        .forEach(comparison::add);
            }
            if (comparison.isEmpty()) {
                skipped.add(new Skipped(member.code(), "no council that had not joined has figures for the same years"));
                continue;
            }
            double ownAfter = mean(own, after);
            double change = ownAfter - ownBefore;
            double comparisonChange = comparison.stream().mapToDouble(Comparison::change).average().orElseThrow();
            Double trend = null;
            if (before.size() >= 2) {
                int first = before.get(0);
                int last = before.get(before.size() - 1);
                double ownSlope = (own.get(last) - own.get(first)) / (last - first);
                double theirSlope = comparison.stream().mapToDouble(c -> (panel.get(c.code()).get(last) - panel.get(c.code()).get(first)) / (last - first))
                        .average().orElseThrow();
                trend = ownSlope - theirSlope;
            }
            effects.add(new MemberEffect(member.code(), before, after, ownBefore, ownAfter, change, List.copyOf(comparison),
                    comparisonChange, change - comparisonChange, trend));
        }
        Estimate estimate = effects.isEmpty() ? null : meanWithInterval(effects.stream().mapToDouble(MemberEffect::effect).toArray());
        double[] trends = effects.stream().map(MemberEffect::trendBefore).filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
        Estimate preTrend = trends.length == 0 ? null : meanWithInterval(trends);
        return new Result(List.copyOf(effects), List.copyOf(skipped), estimate, preTrend);
    }

    /** The mean, and Student's t 95% interval on n − 1 degrees of freedom where there are two or more values. */
    static Estimate meanWithInterval(double[] values) {
        int n = values.length;
        double mean = java.util.Arrays.stream(values).average().orElseThrow();
        if (n < 2) {
            return new Estimate(mean, null, null, null, n);
        }
        double squares = java.util.Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
        double standardError = Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
        double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
        return new Estimate(mean, mean - t * standardError, mean + t * standardError, standardError, n);
    }

    private static java.util.Optional<Comparison> comparison(Map<String, SortedMap<Integer, Double>> panel, String code, Why why,
                                                             List<Integer> before, List<Integer> after) {
        SortedMap<Integer, Double> series = panel.get(code);
        if (series == null || !series.keySet().containsAll(before) || !series.keySet().containsAll(after)) {
            return java.util.Optional.empty();
        }
        double b = mean(series, before);
        double a = mean(series, after);
        return java.util.Optional.of(new Comparison(code, why, b, a, a - b));
    }

    private static double mean(SortedMap<Integer, Double> series, List<Integer> years) {
        return years.stream().mapToDouble(series::get).average().orElseThrow();
    }
}

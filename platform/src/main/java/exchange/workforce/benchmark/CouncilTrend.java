package exchange.workforce.benchmark;

import exchange.workforce.web.Figures;
import exchange.workforce.web.LinesChart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One headline measure for a council over the census years, as a Director reads it: a chart of the council beside its
 * region, its statistical neighbours (median) and England, and a sentence of what changed since the year before,
 * where the council ranks in its region and how many members the region's figure covers.
 */
final class CouncilTrend {

    /** A year of it: the council's benchmark in its region, and among its neighbours. */
    record Year(String year, MeasureBenchmark inRegion, MeasureBenchmark amongNeighbours) {
    }

    private CouncilTrend() {
    }

    static LinesChart chart(String council, String region, List<Year> years) {
        List<String> labels = years.stream().map(Year::year).toList();
        return LinesChart.of(labels, List.of(
                new LinesChart.Series(council, values(years, y -> you(y.inRegion()).map(MeasureBenchmark.Member::value).orElse(null))),
                new LinesChart.Series(region, values(years, y -> y.inRegion().value())),
                new LinesChart.Series("Statistical neighbours (median)", values(years, y -> y.amongNeighbours().value())),
                new LinesChart.Series("England", values(years, y -> y.inRegion().england() == null ? null : y.inRegion().england().value()))));
    }

    /**
     * "In 2024 Kent's turnover rate was 14.2%, down 1.3 percentage points on 2023. It ranks 7th of 19 councils in the South
     * East region (1st has the lowest). The South East region's figure covers 19 of its 19 members." Empty where the
     * council has no figure.
     */
    static String sentence(String council, String region, List<Year> years) {
        int latest = -1;
        for (int i = years.size() - 1; i >= 0; i--) {
            if (you(years.get(i).inRegion()).map(MeasureBenchmark.Member::value).isPresent()) {
                latest = i;
                break;
            }
        }
        if (latest < 0) {
            return "";
        }
        Year now = years.get(latest);
        MeasureBenchmark m = now.inRegion();
        MeasureBenchmark.Member mine = you(m).orElseThrow();
        StringBuilder said = new StringBuilder("In " + now.year() + " " + council + "'s " + lower(m.label()) + " was "
                + Figures.format(m.unit(), mine.value(), null));
        if (latest > 0) {
            Optional<BigDecimal> before = you(years.get(latest - 1).inRegion()).map(MeasureBenchmark.Member::value);
            if (before.isPresent()) {
                BigDecimal change = mine.value().subtract(before.get());
                String amount = "percent".equals(m.unit()) ? change.abs().stripTrailingZeros().toPlainString() + " percentage points"
                        : Figures.format(m.unit(), change.abs(), null);
                said.append(change.signum() == 0 ? ", the same as in " : change.signum() > 0 ? ", up " + amount + " on " : ", down " + amount + " on ")
                        .append(years.get(latest - 1).year());
            }
        }
        said.append('.');
        long ranked = m.authorities().stream().filter(a -> a.rank() != null).count();
        if (mine.rank() != null && ranked > 1 && !"neutral".equals(m.better())) {
            said.append(" It ranks ").append(ordinal(mine.rank())).append(" of ").append(ranked).append(" councils in the ").append(region)
                    .append(" region (1st has the ").append("lower".equals(m.better()) ? "lowest" : "highest").append(").");
        }
        said.append(" The ").append(region).append(" region's figure covers ").append(m.coverage().covered()).append(" of its ")
                .append(m.coverage().members()).append(m.coverage().members() == 1 ? " member." : " members.");
        return said.toString();
    }

    private static Optional<MeasureBenchmark.Member> you(MeasureBenchmark m) {
        return m.authorities().stream().filter(MeasureBenchmark.Member::you).findFirst().filter(a -> a.value() != null);
    }

    private static double[] values(List<Year> years, java.util.function.Function<Year, BigDecimal> value) {
        double[] out = new double[years.size()];
        for (int i = 0; i < years.size(); i++) {
            BigDecimal v = value.apply(years.get(i));
            out[i] = v == null ? Double.NaN : v.doubleValue();
        }
        return out;
    }

    private static String lower(String label) {
        return label.isEmpty() ? label : Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }

    static String ordinal(int n) {
        String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}

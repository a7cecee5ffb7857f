package exchange.workforce.benchmark;

import java.util.List;

/**
 * Quartiles by linear interpolation between closest ranks (Hyndman and Fan type 7, as Excel's QUARTILE.INC and R's
 * default): position (n − 1) × p over the values sorted ascending, counting from 0.
 */
final class Quantiles {

    private Quantiles() {
    }

    static double of(List<Double> sortedAscending, double p) {
        if (sortedAscending.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        double position = (sortedAscending.size() - 1) * p;
        int below = (int) Math.floor(position);
        int above = (int) Math.ceil(position);
        double fraction = position - below;
        return sortedAscending.get(below) + fraction * (sortedAscending.get(above) - sortedAscending.get(below));
    }
}

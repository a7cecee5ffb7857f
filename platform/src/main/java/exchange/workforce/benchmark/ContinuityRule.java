package exchange.workforce.benchmark;

import exchange.workforce.measures.MeasureCatalogue;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A figure that breaks continuity with the same authority's figure a year earlier is more likely a reporting error
 * than a change: zero leavers where the year before had dozens is a blank column, not a year nobody left. Such a
 * figure is shown with this flag and kept out of ranks and quartiles, so one mistaken return does not top a table.
 * The rule applies to counts and FTEs (not rates, which inherit their components' breaks) of at least
 * {@link #SUBSTANTIAL} a year earlier: a fall to zero, or a change of more than tenfold either way.
 */
final class ContinuityRule {

    static final String NAME = "CONTINUITY";
    static final BigDecimal SUBSTANTIAL = BigDecimal.TEN;
    private static final BigDecimal TENFOLD = BigDecimal.TEN;

    private ContinuityRule() {
    }

    static Optional<MeasureBenchmark.Flag> check(MeasureCatalogue.Measure measure, BigDecimal value, BigDecimal yearBefore,
                                                 String previousPeriod) {
        if (measure.derived() || value == null || yearBefore == null || yearBefore.compareTo(SUBSTANTIAL) < 0) {
            return Optional.empty();
        }
        if (value.signum() == 0) {
            return Optional.of(new MeasureBenchmark.Flag(NAME, "0 where " + previousPeriod + " had "
                    + yearBefore.stripTrailingZeros().toPlainString() + "; check the figure before relying on it"));
        }
        if (value.multiply(TENFOLD).compareTo(yearBefore) < 0 || value.compareTo(yearBefore.multiply(TENFOLD)) > 0) {
            return Optional.of(new MeasureBenchmark.Flag(NAME, value.stripTrailingZeros().toPlainString() + " where " + previousPeriod
                    + " had " + yearBefore.stripTrailingZeros().toPlainString() + ", a change of more than tenfold; check the figure before relying on it"));
        }
        return Optional.empty();
    }
}

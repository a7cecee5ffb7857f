package exchange.workforce.returns;

import exchange.workforce.measures.Symbol;
import exchange.workforce.problem.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a submission (or its dry run) answers: the version it made or would make, the figures as stored, the
 * rates derived from them, warnings, and exactly what changes against the current version. {@code unchanged}: the figures
 * sent are exactly the current version's (a second tab, a resent form), so nothing was stored and {@code stored} is that
 * version.
 */
@Serdeable
public record SubmittedReturn(boolean dryRun, boolean replayed, @Nullable ReturnVersion stored, PeriodType periodType,
                              String period, int version, List<ReturnValue> values, List<ReturnValue> derived,
                              List<Problem.Violation> warnings, List<Change> changes, boolean unchanged) {

    /** A dry run or a stored version: the figures differ from the current version's, or there is none. */
    public SubmittedReturn(boolean dryRun, boolean replayed, @Nullable ReturnVersion stored, PeriodType periodType, String period,
                           int version, List<ReturnValue> values, List<ReturnValue> derived, List<Problem.Violation> warnings,
                           List<Change> changes) {
        this(dryRun, replayed, stored, periodType, period, version, values, derived, warnings, changes, false);
    }

    /** A figure added, changed or removed against the current version ({@code from} null when added). */
    @Serdeable
    public record Change(String measure, String breakdown, @Nullable BigDecimal fromValue, @Nullable Symbol fromSymbol,
                         @Nullable BigDecimal toValue, @Nullable Symbol toSymbol) {
    }
}

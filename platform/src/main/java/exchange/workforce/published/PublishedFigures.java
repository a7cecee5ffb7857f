package exchange.workforce.published;

import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.ProblemCode;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * DfE's and ONS's published figures for an area, as stored from their releases: public data. The use case under the
 * API ({@link PublishedStatisticsController}).
 */
@Singleton
public class PublishedFigures {

    private final PublishedStatisticDao statistics;

    public PublishedFigures(PublishedStatisticDao statistics) {
        this.statistics = statistics;
    }

    /** Published figures for a place, optionally one measure and one period. */
    public List<PublishedStatistic> forArea(@Nullable String area, @Nullable String measure, @Nullable String period) {
        if (area == null || area.isBlank()) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "area",
                    "area: name the place by ONS code: E92000001 for England, E12000008 for the South East, E10000016 for Kent");
        }
        String m = measure == null ? "" : measure.trim();
        String p = period == null ? "" : period.trim();
        return statistics.forArea(area.trim(), m, p);
    }
}

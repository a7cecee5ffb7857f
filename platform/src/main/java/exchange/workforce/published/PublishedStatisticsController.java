package exchange.workforce.published;

import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.ProblemCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** DfE's published statistics for a place: England (E92000001), a region, or an authority. Public data. */
@Controller("/api/v1/published-statistics")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@ReadOnly
@Tag(name = "Published statistics")
@exchange.workforce.problem.ProblemResponses
public class PublishedStatisticsController {

    private final PublishedStatisticDao statistics;

    public PublishedStatisticsController(PublishedStatisticDao statistics) {
        this.statistics = statistics;
    }

    @Get
    @Operation(operationId = "publishedStatisticsForArea", summary = "Published figures for a place, optionally one measure and one period",
            description = "Symbols (c suppressed, x unavailable, z not applicable, low, u low reliability) are kept: "
                    + "value is null and symbol says why. Source: Department for Education, Open Government Licence v3.0.")
    public List<PublishedStatistic> forArea(@QueryValue @Nullable String area, @QueryValue @Nullable String measure,
                                            @QueryValue @Nullable String period) {
        if (area == null || area.isBlank()) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "area",
                    "area: name the place by ONS code: E92000001 for England, E12000008 for the South East, E10000016 for Kent");
        }
        String m = measure == null ? "" : measure.trim();
        String p = period == null ? "" : period.trim();
        return statistics.forArea(area.trim(), m, p);
    }
}

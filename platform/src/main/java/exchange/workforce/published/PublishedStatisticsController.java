package exchange.workforce.published;

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

    private final PublishedFigures publishedFigures;

    public PublishedStatisticsController(PublishedFigures publishedFigures) {
        this.publishedFigures = publishedFigures;
    }

    @Get
    @Operation(operationId = "publishedStatisticsForArea", summary = "Published figures for a place, optionally one measure and one period",
            description = "Symbols (c suppressed, x unavailable, z not applicable, low, u low reliability) are kept: "
                    + "value is null and symbol says why. Source: Department for Education, Open Government Licence v3.0.")
    public List<PublishedStatistic> forArea(@QueryValue @Nullable String area, @QueryValue @Nullable String measure,
                                            @QueryValue @Nullable String period) {
        return publishedFigures.forArea(area, measure, period);
    }
}

package exchange.workforce.benchmark;

import exchange.workforce.identity.Callers;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** Comparison groups a region administrator defines, used as group=custom:<id>. */
@Controller("/api/v1/region/groups")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Benchmarks")
@exchange.workforce.problem.ProblemResponses
public class CustomGroupController {

    private final Callers callers;
    private final RegionsOwnGroups groups;

    public CustomGroupController(Callers callers, RegionsOwnGroups groups) {
        this.callers = callers;
        this.groups = groups;
    }

    @exchange.workforce.problem.BodyProblemResponses
    @Post
    @Secured("REGION_ADMIN")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "customGroupsCreate", summary = "Define a comparison group of authorities (2 to 200), for benchmarks as group=custom:<id>")
    public RegionsOwnGroups.CustomGroup create(Authentication authentication, @Body RegionsOwnGroups.NewGroup group) {
        return groups.define(callers.regionalUser(authentication), group);
    }

    @Get
    @Secured({"REGION_ADMIN", "REGIONAL_VIEWER"})
    @Operation(operationId = "customGroupsList", summary = "Your region's comparison groups")
    public List<RegionsOwnGroups.CustomGroup> list(Authentication authentication) {
        return groups.ofRegion(callers.regionalUser(authentication));
    }
}

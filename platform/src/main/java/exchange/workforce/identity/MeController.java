package exchange.workforce.identity;

import exchange.workforce.tenancy.Authority;
import exchange.workforce.tenancy.Region;
import exchange.workforce.tenancy.Regions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

@Controller("/api/v1/me")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Identity")
@exchange.workforce.problem.ProblemResponses
public class MeController {

    private final Callers callers;
    private final Regions regions;

    public MeController(Callers callers, Regions regions) {
        this.callers = callers;
        this.regions = regions;
    }

    @Serdeable
    public record Me(String user, @Nullable Authority authority, @Nullable Region region, List<Role> roles) {
    }

    @Get
    @Operation(operationId = "meMe", summary = "Who the token says you are", description = "Your user, your authority (council users) or "
            + "region (regional users), and your roles: exactly what every other endpoint will act on.")
    public Me me(Authentication authentication) {
        Caller caller = callers.of(authentication);
        return new Me(caller.user(),
                caller.authorityCode().flatMap(regions::authority).orElse(null),
                caller.regionCode().flatMap(regions::region).orElse(null),
                caller.roles().stream().sorted().toList());
    }
}

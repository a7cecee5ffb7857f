package exchange.workforce.benchmark;

import exchange.workforce.audit.AuditAction;
import exchange.workforce.audit.AuditTrail;
import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.ProblemCode;
import exchange.workforce.tenancy.Authority;
import exchange.workforce.tenancy.Regions;
import exchange.workforce.tenancy.TenantTransactions;
import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Comparison groups a region administrator defines, used as group=custom:<id>. */
@Controller("/api/v1/region/groups")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Benchmarks")
@exchange.workforce.problem.ProblemResponses
public class CustomGroupController {

    private final Callers callers;
    private final TenantTransactions transactions;
    private final Regions regions;
    private final CustomGroupDao groups;
    private final AuditTrail audit;

    public CustomGroupController(Callers callers, TenantTransactions transactions, Regions regions, CustomGroupDao groups, AuditTrail audit) {
        this.callers = callers;
        this.transactions = transactions;
        this.regions = regions;
        this.groups = groups;
        this.audit = audit;
    }

    @Serdeable
    public record NewGroup(@Nullable String name, @Nullable List<String> authorityCodes) {
    }

    @Serdeable
    public record CustomGroup(UUID id, String name, List<String> authorityCodes, String use) {
    }

    @Post
    @Secured("REGION_ADMIN")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "customGroupsCreate", summary = "Define a comparison group of authorities (2 to 200), for benchmarks as group=custom:<id>")
    public CustomGroup create(Authentication authentication, @Body NewGroup group) {
        Caller caller = callers.regionalUser(authentication);
        if (group.name() == null || group.name().isBlank() || group.name().length() > 100) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "name", "name: give the group a name of up to 100 characters");
        }
        List<String> codes = new ArrayList<>(new LinkedHashSet<>(group.authorityCodes() == null ? List.of() : group.authorityCodes()));
        if (codes.size() < 2 || codes.size() > 200) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "authorityCodes", "authorityCodes: list 2 to 200 different authorities");
        }
        List<String> resolved = new ArrayList<>();
        for (String code : codes) {
            resolved.add(regions.authority(code).map(Authority::code).orElseThrow(() -> new ApiProblem(ProblemCode.VALIDATION_FAILED,
                    "authorityCodes", "authorityCodes: there is no authority '" + code + "'; use ONS codes such as E10000016")));
        }
        UUID id = UUID.randomUUID();
        return transactions.write(caller, () -> {
            groups.insert(new CustomGroupDao.StoredGroup(id, caller.regionCode().orElseThrow(), group.name().trim(), resolved), caller.user());
            audit.record(caller, AuditAction.CUSTOM_GROUP_DEFINED, "custom_group", id.toString(), Map.of("name", group.name().trim()));
            return new CustomGroup(id, group.name().trim(), resolved, "group=custom:" + id);
        });
    }

    @Get
    @Secured({"REGION_ADMIN", "REGIONAL_VIEWER"})
    @Operation(operationId = "customGroupsList", summary = "Your region's comparison groups")
    public List<CustomGroup> list(Authentication authentication) {
        Caller caller = callers.regionalUser(authentication);
        return transactions.read(caller, () -> groups.ofRegion(caller.regionCode().orElseThrow()).stream()
                .map(g -> new CustomGroup(g.id(), g.name(), g.authorityCodes(), "group=custom:" + g.id())).toList());
    }
}

package exchange.workforce.benchmark;

import exchange.workforce.audit.AuditAction;
import exchange.workforce.audit.AuditTrail;
import exchange.workforce.identity.Caller;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.ProblemCode;
import exchange.workforce.tenancy.Authority;
import exchange.workforce.tenancy.Regions;
import exchange.workforce.tenancy.TenantTransactions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Defining and reading a region's own comparison groups (benchmarks read them as group=custom:&lt;id&gt;): the one use case
 * under the API ({@link CustomGroupController}) and the pages ({@link ComparisonGroupsPage}, the dashboard).
 */
@Singleton
public class RegionsOwnGroups {

    @Serdeable
    public record NewGroup(@Nullable String name, @Nullable List<String> authorityCodes) {
    }

    @Serdeable
    public record CustomGroup(UUID id, String name, List<String> authorityCodes, String use) {
    }

    private final TenantTransactions transactions;
    private final Regions regions;
    private final CustomGroupDao groups;
    private final AuditTrail audit;

    public RegionsOwnGroups(TenantTransactions transactions, Regions regions, CustomGroupDao groups, AuditTrail audit) {
        this.transactions = transactions;
        this.regions = regions;
        this.groups = groups;
        this.audit = audit;
    }

    /** Defines a group of 2 to 200 authorities for the caller's region, audited. */
    public CustomGroup define(Caller caller, NewGroup group) {
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

    /** The caller's region's groups; none for a caller of no region. */
    public List<CustomGroup> ofRegion(Caller caller) {
        return stored(caller).stream().map(g -> new CustomGroup(g.id(), g.name(), g.authorityCodes(), "group=custom:" + g.id())).toList();
    }

    List<CustomGroupDao.StoredGroup> stored(Caller caller) {
        return caller.regionCode().map(region -> transactions.read(caller, () -> groups.ofRegion(region))).orElse(List.of());
    }
}

package exchange.workforce.web;

import exchange.workforce.identity.Role;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The people a newcomer can sign in as on a local install, one or two per role, so every page can be tried without
 * an identity provider. Shown only in local mode, and labelled as demonstration users.
 */
public final class DemoUsers {

    /** A demonstration user: an id for the form, who they are, and the claims of the token they are given. */
    public record DemoUser(String id, String name, String description, String authority, String region, Set<Role> roles) {
    }

    public static final List<DemoUser> ALL = List.of(
            new DemoUser("kent-lead", "Kim, workforce lead, Kent", "submits Kent's returns and reads its figures", "E10000016", null,
                    Set.of(Role.AUTHORITY_SUBMITTER, Role.AUTHORITY_VIEWER)),
            new DemoUser("kent-dcs", "Dara, Director of Children's Services, Kent", "reads Kent's figures beside its region, neighbours and England",
                    "E10000016", null, Set.of(Role.AUTHORITY_VIEWER)),
            new DemoUser("kent-planner", "Pat, workforce planner, Kent", "forecasts Kent's social workers against demand, under scenarios",
                    "E10000016", null, Set.of(Role.PLANNER)),
            new DemoUser("surrey-lead", "Sam, workforce lead, Surrey", "submits Surrey's returns", "E10000030", null,
                    Set.of(Role.AUTHORITY_SUBMITTER, Role.AUTHORITY_VIEWER)),
            new DemoUser("kent-references", "Rae, reference officer, Kent", "asks for and reads references about social workers Kent engages",
                    "E10000016", null, Set.of(Role.REFERENCE_OFFICER)),
            new DemoUser("surrey-references", "Sol, reference officer, Surrey", "provides references about Surrey's former social workers",
                    "E10000030", null, Set.of(Role.REFERENCE_OFFICER)),
            new DemoUser("se-group", "Ade, South East regional DCS group", "reads the South East's regional dashboard", null, "E12000008",
                    Set.of(Role.REGIONAL_VIEWER)),
            new DemoUser("se-planner", "Lee, South East regional workforce planner", "forecasts the South East and its members",
                    null, "E12000008", Set.of(Role.PLANNER)),
            new DemoUser("se-admin", "Ash, South East memorandum administrator", "runs the South East memorandum", null, "E12000008",
                    Set.of(Role.REGION_ADMIN, Role.REGIONAL_VIEWER)));

    private DemoUsers() {
    }

    public static Optional<DemoUser> byId(String id) {
        return ALL.stream().filter(u -> u.id().equals(id)).findFirst();
    }
}

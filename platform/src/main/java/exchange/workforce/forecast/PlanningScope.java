package exchange.workforce.forecast;

import exchange.workforce.benchmark.AreaSeries;
import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Role;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.ProblemCode;

import java.util.Set;

/**
 * Who may forecast which area. A council's planners plan for their own authority; a regional planner for the members
 * of the region's memorandum, the members being named to the region by the memorandum; any planner for a region or
 * England, whose figures are DfE's published ones or aggregates over a memorandum's members. Another council's own
 * forecast rests on its own live return, so it is not for another council's planners. A council's viewers (its
 * Director of Children's Services among them) read their own council's forecasts and plan, and change nothing; a
 * region's viewers and administrators (its DCS group) read their own region's, for the report to the board.
 */
final class PlanningScope {

    static final String RULE = "Planners forecast their own authority, any region and England; a regional planner also "
            + "forecasts the members of the region's memorandum.";

    private PlanningScope() {
    }

    static final String READER_RULE = "A council's viewers read their own council's forecasts; planners forecast regions, "
            + "England and (for a regional planner) the memorandum's members.";

    static void check(Caller caller, AreaSeries area, Set<String> membersOfCallersRegion) {
        if (!caller.has(Role.PLANNER)) {
            boolean ownCouncil = area.level() == AreaSeries.Level.AUTHORITY && caller.authorityCode().map(area.code()::equals).orElse(false);
            if (caller.has(Role.AUTHORITY_VIEWER) && ownCouncil) {
                return;
            }
            boolean ownRegion = area.level() == AreaSeries.Level.REGION && caller.regionCode().map(area.code()::equalsIgnoreCase).orElse(false);
            if ((caller.has(Role.REGIONAL_VIEWER) || caller.has(Role.REGION_ADMIN)) && ownRegion) {
                return;
            }
            throw new ApiProblem(ProblemCode.FORBIDDEN, caller.has(Role.AUTHORITY_VIEWER) ? "area" : null, caller.has(Role.AUTHORITY_VIEWER)
                    ? "You cannot read the forecast of " + area.name() + ". " + READER_RULE
                    : "Forecasts are for workforce planners (the PLANNER role) and a council's viewers for their own council. "
                    + "Benchmarks (/dashboard, GET /api/v1/benchmarks) show where your figures stand today.");
        }
        if (area.level() != AreaSeries.Level.AUTHORITY) {
            return;
        }
        boolean own = caller.authorityCode().map(area.code()::equals).orElse(false);
        boolean member = caller.regionCode().isPresent() && membersOfCallersRegion.contains(area.code());
        if (!own && !member) {
            throw new ApiProblem(ProblemCode.FORBIDDEN, "area", "You cannot forecast " + area.name() + ". " + RULE);
        }
    }
}

package exchange.workforce.benchmark;

import exchange.workforce.memorandum.Membership;
import exchange.workforce.memorandum.Memoranda;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.ProblemCode;
import exchange.workforce.returns.Period;
import exchange.workforce.returns.PeriodType;
import exchange.workforce.tenancy.Authority;
import exchange.workforce.tenancy.AuthorityHistory;
import exchange.workforce.tenancy.Region;
import exchange.workforce.tenancy.Regions;
import exchange.workforce.visibility.Visibility;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Resolves region:…, england, neighbours:… and custom:… to the units of one period, as the authorities stood on the
 * period's reference day: a group's members are the authorities that existed then (Cumbria until 31 March 2023,
 * Cumberland and Westmorland and Furness after), and a period after the newest data uses the newest structure.
 */
@Singleton
class ComparisonGroups {

    private final Regions regions;
    private final Memoranda memoranda;
    private final StatisticalNeighbours neighbours;
    private final CustomGroupDao customGroups;

    ComparisonGroups(Regions regions, Memoranda memoranda, StatisticalNeighbours neighbours, CustomGroupDao customGroups) {
        this.regions = regions;
        this.memoranda = memoranda;
        this.neighbours = neighbours;
        this.customGroups = customGroups;
    }

    /** A region's name ("South East"), or its code if it has none. */
    String regionName(String code) {
        return regions.regionName(code).orElse(code);
    }

    /**
     * The group on {@code day}, with units as the publication holding {@code measure} reports them in {@code period}
     * (an authority alone, or the joint return DfE publishes it in).
     */
    Group resolve(String spec, LocalDate day, String period, String measure, BenchmarkData data, SeenReturns seen) {
        String[] parts = spec == null ? new String[0] : spec.trim().split(":", 2);
        String kind = parts.length == 0 ? "" : parts[0].toLowerCase(Locale.ROOT);
        Units units = new Units(data, seen, period, measure);
        AuthorityHistory history = data.history();
        return switch (kind) {
            case "england" -> new Group("england", "England", "england", null, BenchmarkData.ENGLAND, List.of(),
                    units.of(history.existingOn(day, null)));
            case "region" -> region(argument(parts, spec), day, units, history);
            case "neighbours" -> neighbours(argument(parts, spec), day, units, history, seen.viewer());
            case "custom" -> custom(argument(parts, spec), day, units, history, seen.viewer());
            default -> throw unknown(spec);
        };
    }

    /** The region with the ONS code, if there is one. */
    java.util.Optional<Region> regionCalled(String code) {
        return regions.region(code);
    }

    private Group region(String code, LocalDate day, Units units, AuthorityHistory history) {
        Region region = regions.region(code).orElseThrow(() -> new ApiProblem(ProblemCode.VALIDATION_FAILED, "group",
                "There is no region '" + code + "'. Use region:<ONS code>, e.g. region:E12000008 for the South East."));
        List<Authority> geography = history.existingOn(day, region.code());
        List<Membership> members = memoranda.membersOn(region.code(), day);
        if (!members.isEmpty()) {
            List<Authority> signed = members.stream().map(m -> history.byCode(m.authorityCode())).flatMap(java.util.Optional::stream)
                    .filter(a -> a.existedOn(day)).toList();
            boolean whole = Set.copyOf(signed).equals(Set.copyOf(geography));
            return new Group("region:" + region.code(), region.name() + " memorandum", "memorandum", region.code(),
                    whole ? region.code() : null, List.of(), units.of(signed));
        }
        return new Group("region:" + region.code(), region.name(), "dfe-geography", region.code(), region.code(), List.of(),
                units.of(geography));
    }

    private Group neighbours(String code, LocalDate day, Units units, AuthorityHistory history, Visibility.Viewer viewer) {
        Authority authority = regions.authority(code).orElseThrow(() -> new ApiProblem(ProblemCode.VALIDATION_FAILED, "group",
                "There is no authority '" + code + "'. Use neighbours:<ONS code>, e.g. neighbours:E10000016."));
        if (!viewer.mayAskForNeighboursOf(authority.code())) {
            throw ApiProblem.notFound("There are no statistical neighbours of " + code + " for you: you may ask for your own council's "
                    + "(or, as a regional user, your memorandum's members').");
        }
        List<String> numbers = neighbours.of(authority.dfeNumber()).orElseThrow(() -> new ApiProblem(ProblemCode.VALIDATION_FAILED,
                "group", authority.name() + " has no statistical neighbours in DfE's 2025 model."));
        List<Group.Unit> subjects = units.of(history.standingFor(authority.code(), day));
        Set<String> subjectCodes = subjects.stream().map(Group.Unit::code).collect(Collectors.toSet());
        List<Authority> standing = numbers.stream().flatMap(n -> history.standingFor(n, day).stream()).distinct().toList();
        List<Group.Unit> members = units.of(standing).stream().filter(u -> !subjectCodes.contains(u.code())).toList();
        return new Group("neighbours:" + authority.code(), authority.name() + "'s statistical neighbours", "statistical-neighbours",
                authority.regionCode(), null, subjects, members);
    }

    private Group custom(String id, LocalDate day, Units units, AuthorityHistory history, Visibility.Viewer viewer) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw unknown("custom:" + id);
        }
        // another region's group is as if it did not exist: a 404, not a 403, so its id confirms nothing
        CustomGroupDao.StoredGroup stored = customGroups.find(uuid).filter(g -> viewer.belongsTo(g.regionCode()))
                .orElseThrow(() -> ApiProblem.notFound("There is no custom group " + id + "."));
        List<Authority> standing = stored.authorityCodes().stream().flatMap(c -> history.standingFor(c, day).stream()).distinct().toList();
        return new Group("custom:" + id, stored.name(), "custom", stored.regionCode(), null, List.of(), units.of(standing));
    }

    /**
     * Authorities as units of a period: the authority itself where it has a return or the publication has its row,
     * else the joint return DfE publishes it in (counted once however many of its authorities are members).
     */
    private record Units(BenchmarkData data, SeenReturns seen, String period, String measure) {

        List<Group.Unit> of(List<Authority> authorities) {
            Map<String, Group.Unit> units = new LinkedHashMap<>();
            for (Authority authority : authorities) {
                String joint = authority.jointReturnCode();
                boolean alone = seen.hasReturn(period, authority.code()) || data.reports(measure, period, authority.code());
                if (!alone && joint != null && data.reports(measure, period, joint)) {
                    units.putIfAbsent(joint, new Group.Unit(joint, jointName(joint), Arrays.stream(joint.split("/")).map(String::trim).toList()));
                    continue;
                }
                units.put(authority.code(), new Group.Unit(authority.code(), authority.name(), List.of(authority.code())));
            }
            List<Group.Unit> list = new ArrayList<>(units.values());
            list.sort(java.util.Comparator.comparing(Group.Unit::name));
            return list;
        }

        private String jointName(String joint) {
            return Arrays.stream(joint.split("/")).map(String::trim).map(c -> data.history().byCode(c).map(Authority::name).orElse(c))
                    .collect(Collectors.joining(" / "));
        }
    }

    /**
     * The day a period's figures describe: its last day (30 September of a census year), or for a measure of the
     * children-in-need year, 31 March ending the one in the census year.
     */
    static LocalDate referenceDay(String period, boolean childrenInNeedYear) {
        Period p = period(period);
        return childrenInNeedYear && p.type() == PeriodType.CENSUS_YEAR ? LocalDate.of(p.end().getYear(), 3, 31) : p.end();
    }

    static Period period(String period) {
        return Period.parseAny(period).orElseThrow(() -> new ApiProblem(ProblemCode.VALIDATION_FAILED, "period",
                "period: give a census year (the year to 30 September) as YYYY, e.g. 2023; a quarter as YYYY-Qn, e.g. 2025-Q1; "
                        + "or a month as YYYY-MM, e.g. 2025-03. '" + period + "' is none of them."));
    }

    private static String argument(String[] parts, String spec) {
        if (parts.length < 2 || parts[1].isBlank()) {
            throw unknown(spec);
        }
        return parts[1].trim();
    }

    private static ApiProblem unknown(String spec) {
        return new ApiProblem(ProblemCode.VALIDATION_FAILED, "group", "group: '" + spec + "' is not a comparison group. Use "
                + "region:<ONS code> (e.g. region:E12000008), england, neighbours:<ONS code of an authority> or custom:<id>.");
    }
}

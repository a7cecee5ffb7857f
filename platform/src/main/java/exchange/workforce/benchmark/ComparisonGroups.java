package exchange.workforce.benchmark;

import exchange.workforce.memorandum.MemorandumDao;
import exchange.workforce.memorandum.Membership;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.ProblemCode;
import exchange.workforce.returns.Period;
import exchange.workforce.tenancy.Authority;
import exchange.workforce.tenancy.Region;
import exchange.workforce.tenancy.RegionDao;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Resolves region:…, england, neighbours:… and custom:… to the units of one census year. */
@Singleton
class ComparisonGroups {


    private final RegionDao regions;
    private final MemorandumDao memoranda;
    private final StatisticalNeighbours neighbours;
    private final CustomGroupDao customGroups;

    ComparisonGroups(RegionDao regions, MemorandumDao memoranda, StatisticalNeighbours neighbours, CustomGroupDao customGroups) {
        this.regions = regions;
        this.memoranda = memoranda;
        this.neighbours = neighbours;
        this.customGroups = customGroups;
    }

    Group resolve(String spec, String period, BenchmarkData data) {
        String[] parts = spec == null ? new String[0] : spec.trim().split(":", 2);
        String kind = parts.length == 0 ? "" : parts[0].toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "england" -> england(period, data);
            case "region" -> region(argument(parts, spec), period, data);
            case "neighbours" -> neighbours(argument(parts, spec), period, data);
            case "custom" -> custom(argument(parts, spec), period, data);
            default -> throw unknown(spec);
        };
    }

    private Group england(String period, BenchmarkData data) {
        Map<String, Group.Unit> units = new LinkedHashMap<>();
        data.areasOf(period).values().forEach(area -> units.put(area.code(), unit(area)));
        data.returns().getOrDefault(period, Map.of()).keySet().stream()
                .filter(code -> units.values().stream().noneMatch(u -> u.authorities().contains(code)))
                .forEach(code -> regions.authority(code).ifPresent(a -> units.put(code, new Group.Unit(code, a.name(), List.of(code)))));
        return new Group("england", "England", "england", null, sorted(units));
    }

    private Group region(String code, String period, BenchmarkData data) {
        Region region = regions.region(code).orElseThrow(() -> new ApiProblem(ProblemCode.VALIDATION_FAILED, "group",
                "There is no region '" + code + "'. Use region:<ONS code>, e.g. region:E12000008 for the South East."));
        Period census = census(period);
        List<Membership> members = memoranda.membersOn(region.code(), census.end());
        if (!members.isEmpty()) {
            return new Group("region:" + region.code(), region.name() + " memorandum", "memorandum", region.code(),
                    unitsFor(members.stream().map(Membership::authorityCode).toList(), period, data));
        }
        Map<String, Group.Unit> units = new LinkedHashMap<>();
        data.areasOf(period).values().stream().filter(a -> region.code().equals(a.regionCode())).forEach(a -> units.put(a.code(), unit(a)));
        if (units.isEmpty()) {
            return new Group("region:" + region.code(), region.name(), "authorities", region.code(),
                    unitsFor(regions.authorities(region.code()).stream().filter(Authority::active).map(Authority::code).toList(), period, data));
        }
        return new Group("region:" + region.code(), region.name(), "dfe-geography", region.code(), sorted(units));
    }

    private Group neighbours(String code, String period, BenchmarkData data) {
        Authority authority = regions.authority(code).orElseThrow(() -> new ApiProblem(ProblemCode.VALIDATION_FAILED, "group",
                "There is no authority '" + code + "'. Use neighbours:<ONS code>, e.g. neighbours:E10000016."));
        List<String> numbers = neighbours.of(authority.dfeNumber()).orElseThrow(() -> new ApiProblem(ProblemCode.VALIDATION_FAILED,
                "group", authority.name() + " has no statistical neighbours in DfE's 2025 model."));
        List<String> codes = numbers.stream().map(regions::authority).flatMap(Optional::stream).map(Authority::code).toList();
        return new Group("neighbours:" + authority.code(), authority.name() + "'s statistical neighbours", "statistical-neighbours",
                authority.regionCode(), unitsFor(codes, period, data));
    }

    private Group custom(String id, String period, BenchmarkData data) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw unknown("custom:" + id);
        }
        CustomGroupDao.StoredGroup stored = customGroups.find(uuid)
                .orElseThrow(() -> ApiProblem.notFound("There is no custom group " + id + "."));
        return new Group("custom:" + id, stored.name(), "custom", stored.regionCode(), unitsFor(stored.authorityCodes(), period, data));
    }

    /**
     * Authorities as units of a period: the authority itself where it has a return or a published row, else the joint
     * return DfE publishes it in (counted once however many of its authorities are members).
     */
    private List<Group.Unit> unitsFor(List<String> authorities, String period, BenchmarkData data) {
        Map<String, Group.Unit> units = new LinkedHashMap<>();
        Map<String, BenchmarkData.Area> areas = data.areasOf(period);
        for (String code : authorities) {
            Optional<Authority> authority = regions.authority(code);
            String name = authority.map(Authority::name).orElse(code);
            if (data.returnOf(period, code).isEmpty() && !areas.containsKey(code)) {
                String joint = authority.map(Authority::jointReturnCode).orElse(null);
                if (joint != null && areas.containsKey(joint)) {
                    units.putIfAbsent(joint, unit(areas.get(joint)));
                    continue;
                }
            }
            units.put(code, new Group.Unit(code, name, List.of(code)));
        }
        return sorted(units);
    }

    private static Group.Unit unit(BenchmarkData.Area area) {
        return new Group.Unit(area.code(), area.name(), Arrays.stream(area.code().split("/")).map(String::trim).toList());
    }

    private static List<Group.Unit> sorted(Map<String, Group.Unit> units) {
        List<Group.Unit> list = new ArrayList<>(units.values());
        list.sort(java.util.Comparator.comparing(Group.Unit::name));
        return list;
    }

    static Period census(String period) {
        return Period.parse("CENSUS_YEAR", period).orElseThrow(() -> new ApiProblem(ProblemCode.VALIDATION_FAILED, "period",
                "period: benchmarks are by census year (the year to 30 September), e.g. period=2023; '" + period + "' is not one."));
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

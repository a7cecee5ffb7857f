package exchange.workforce.benchmark;

import exchange.workforce.adapters.tabular.SafeCsv;
import exchange.workforce.tenancy.Authority;
import exchange.workforce.tenancy.Regions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A benchmark in the tidy layout of DfE's explore-education-statistics files (time_period, time_identifier,
 * geographic_level, country_code, …, la_name, then one column per measure), so analysts can load it beside DfE's own.
 * Symbols are written as DfE writes them. Members the viewer may not see by name appear without codes or names. The
 * group's own figure has no geographic level in DfE's layout, so it is in the JSON and plain CSV answers, not here.
 */
final class EesExport {

    private static final List<String> DESCRIPTIVE = List.of("time_period", "time_identifier", "geographic_level", "country_code",
            "country_name", "region_code", "region_name", "old_la_code", "new_la_code", "la_name");

    private EesExport() {
    }

    static String of(BenchmarkResponse response, Regions regions) {
        // the reference data once, not a query per member
        Map<String, Authority> authorities = new java.util.HashMap<>();
        regions.authorities("").forEach(a -> authorities.putIfAbsent(a.code(), a));
        Map<String, String> regionNames = new java.util.HashMap<>();
        regions.regions().forEach(r -> regionNames.put(r.code(), r.name()));
        List<String> measures = response.measures().stream().map(MeasureBenchmark::measure).toList();
        List<String> header = new ArrayList<>(DESCRIPTIVE);
        header.addAll(measures);
        StringBuilder out = new StringBuilder(SafeCsv.line(header));
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        Map<String, List<String>> descriptive = new LinkedHashMap<>();
        String period = response.period();
        descriptive.put("england", List.of(period, "Reporting year", "National", "E92000001", "England", "", "", "", "", ""));
        for (MeasureBenchmark m : response.measures()) {
            if (m.england() != null) {
                rows.computeIfAbsent("england", k -> new LinkedHashMap<>()).put(m.measure(), cell(m.england().value(), m.england().symbol()));
            }
            int anonymous = 0;
            for (MeasureBenchmark.Member member : m.authorities() == null ? List.<MeasureBenchmark.Member>of() : m.authorities()) {
                // An unnamed member's row holds that one value only: members are ranked per measure, so the nth
                // unnamed value of one measure is not the same council as the nth of another.
                String key = member.code() != null ? member.code() : "unnamed-" + m.measure() + "-" + (++anonymous);
                rows.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(m.measure(), cell(member.value(), member.symbol()));
                descriptive.computeIfAbsent(key, k -> member.code() == null
                        ? List.of(period, "Reporting year", "Local authority", "E92000001", "England", "", "", "", "", "")
                        : authority(period, member, authorities, regionNames));
            }
        }
        for (Map.Entry<String, List<String>> entry : descriptive.entrySet()) {
            List<String> line = new ArrayList<>(entry.getValue());
            Map<String, String> values = rows.getOrDefault(entry.getKey(), Map.of());
            measures.forEach(m -> line.add(values.getOrDefault(m, "x")));
            out.append(SafeCsv.line(line));
        }
        return out.toString();
    }

    private static List<String> authority(String period, MeasureBenchmark.Member member, Map<String, Authority> authorities,
                                          Map<String, String> regionNames) {
        Authority authority = authorities.get(member.code().split("/")[0].trim());
        String regionCode = authority == null ? "" : authority.regionCode();
        String regionName = regionNames.getOrDefault(regionCode, "");
        String number = authority == null || member.code().contains("/") ? "" : authority.dfeNumber();
        return List.of(period, "Reporting year", "Local authority", "E92000001", "England", regionCode, SafeCsv.cell(regionName),
                number, SafeCsv.cell(member.code()), SafeCsv.cell(member.name()));
    }

    private static String cell(BigDecimal value, String symbol) {
        return value != null ? value.toPlainString() : symbol == null ? "x" : symbol;
    }
}

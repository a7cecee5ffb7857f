package exchange.workforce.benchmark;

import exchange.workforce.adapters.tabular.SafeCsv;
import exchange.workforce.measures.Symbol;
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
        String filter = filter(response);
        List<String> header = new ArrayList<>(DESCRIPTIVE);
        if (filter != null) {
            header.add(filter);
        }
        header.addAll(measures);
        StringBuilder out = new StringBuilder(SafeCsv.line(header));
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        Map<String, List<String>> descriptive = new LinkedHashMap<>();
        List<String> time = time(response.period());
        String period = time.get(0);
        String identifier = time.get(1);
        descriptive.put("england", List.of(period, identifier, "National", "E92000001", "England", "", "", "", "", ""));
        String region = response.group().spec().startsWith("region:") ? response.group().spec().substring("region:".length()) : null;
        if (region != null) {
            // the group itself, at DfE's regional level: the headline figure (DfE's where it publishes one)
            descriptive.put("region", List.of(period, identifier, "Regional", "E92000001", "England", region,
                    SafeCsv.cell(regionNames.getOrDefault(region, region)), "", "", ""));
            response.measures().forEach(m -> rows.computeIfAbsent("region", k -> new LinkedHashMap<>()).put(m.measure(), cell(m.value(), m.symbol())));
        }
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
                        ? List.of(period, identifier, "Local authority", "E92000001", "England", "", "", "", "", "")
                        : authority(period, identifier, member, authorities, regionNames));
            }
        }
        for (Map.Entry<String, List<String>> entry : descriptive.entrySet()) {
            List<String> line = new ArrayList<>(entry.getValue());
            if (filter != null) {
                line.add("Total");
            }
            Map<String, String> values = rows.getOrDefault(entry.getKey(), Map.of());
            measures.forEach(m -> line.add(values.getOrDefault(m, Symbol.UNAVAILABLE.code())));
            out.append(SafeCsv.line(line));
        }
        if (filter != null && region != null) {
            // the group's breakdown, after disclosure control, one row per category; a measure without it: z
            Map<String, Map<String, String>> byCategory = new LinkedHashMap<>();
            for (MeasureBenchmark m : response.measures()) {
                for (MeasureBenchmark.BreakdownCell cell : m.breakdown() == null ? List.<MeasureBenchmark.BreakdownCell>of() : m.breakdown()) {
                    String category = cell.breakdown().substring(cell.breakdown().indexOf('=') + 1);
                    byCategory.computeIfAbsent(category, k -> new LinkedHashMap<>()).put(m.measure(), cell(cell.value(), cell.symbol()));
                }
            }
            byCategory.forEach((category, values) -> {
                List<String> line = new ArrayList<>(descriptive.get("region"));
                line.add(category);
                measures.forEach(m -> line.add(values.getOrDefault(m, Symbol.NOT_APPLICABLE.code())));
                out.append(SafeCsv.line(line));
            });
        }
        return out.toString();
    }

    /**
     * The companion metadata file explore-education-statistics asks for beside every data file: one row per filter and
     * indicator column, with its label, unit and decimal places.
     */
    static String meta(BenchmarkResponse response, java.util.function.Function<String, String> dimensionLabel) {
        StringBuilder out = new StringBuilder(SafeCsv.line(List.of("col_name", "col_type", "label", "indicator_grouping", "indicator_unit",
                "indicator_dp", "filter_hint", "filter_grouping_column")));
        String filter = filter(response);
        if (filter != null) {
            out.append(SafeCsv.line(List.of(filter, "Filter", SafeCsv.cell(dimensionLabel.apply(filter)), "", "", "", "", "")));
        }
        for (MeasureBenchmark m : response.measures()) {
            String unit = switch (m.unit()) {
                case "percent" -> "%";
                case "pounds" -> "£";
                default -> "";
            };
            String dp = switch (m.unit()) {
                case "percent", "fte", "ratio", "per-10000-children", "months" -> "1";
                case "pounds" -> "2";
                default -> "0";
            };
            out.append(SafeCsv.line(List.of(m.measure(), "Indicator", SafeCsv.cell(m.label()), "", unit, dp, "", "")));
        }
        return out.toString();
    }

    /** The dimension asked for with breakdown=, if any measure has cells of it: EES's filter column. */
    private static String filter(BenchmarkResponse response) {
        return response.measures().stream().filter(m -> m.breakdown() != null && !m.breakdown().isEmpty())
                .map(m -> m.breakdown().get(0).breakdown()).map(b -> b.substring(0, b.indexOf('='))).findFirst().orElse(null);
    }

    private static List<String> authority(String period, String identifier, MeasureBenchmark.Member member, Map<String, Authority> authorities,
                                          Map<String, String> regionNames) {
        // a joint return (North and West Northamptonshire since 2021) carries each council's number, as DfE writes them: "940 / 941"
        List<Authority> councils = java.util.Arrays.stream(member.code().split("/")).map(String::trim).map(authorities::get).toList();
        Authority authority = councils.get(0);
        String regionCode = authority == null ? "" : authority.regionCode();
        String regionName = regionNames.getOrDefault(regionCode, "");
        String number = councils.contains(null) ? "" : String.join(" / ", councils.stream().map(Authority::dfeNumber).toList());
        return List.of(period, identifier, "Local authority", "E92000001", "England", regionCode, SafeCsv.cell(regionName),
                number, SafeCsv.cell(member.code()), SafeCsv.cell(member.name()));
    }

    /**
     * The period as explore-education-statistics writes it: a census year is a "Reporting year" (2023); a quarter is
     * the calendar year with its quarter ("2025", "Calendar year Q1"); a month the year with the month's name
     * ("2025", "January"). EES's time_period is the year alone in all three.
     */
    static List<String> time(String period) {
        exchange.workforce.returns.Period p = ComparisonGroups.period(period);
        String year = String.valueOf(p.end().getYear());
        return switch (p.type()) {
            case CENSUS_YEAR -> List.of(year, "Reporting year");
            case QUARTER -> List.of(year, "Calendar year Q" + ((p.end().getMonthValue() - 1) / 3 + 1));
            case MONTH -> List.of(year, p.end().getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.UK));
        };
    }

    /** A value, or its symbol: "low" (published, rounds to 0, is not 0) stays "low", never 0.0. */
    private static String cell(BigDecimal value, Symbol symbol) {
        if (symbol == Symbol.LOW) {
            return symbol.code();
        }
        return value != null ? value.toPlainString() : (symbol == null ? Symbol.UNAVAILABLE : symbol).code();
    }
}

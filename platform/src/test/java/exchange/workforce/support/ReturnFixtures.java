package exchange.workforce.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A complete, valid census-year return; tests change one thing at a time. */
public final class ReturnFixtures {

    private ReturnFixtures() {
    }

    public static Map<String, Object> figure(String measure, Object value) {
        Map<String, Object> figure = new HashMap<>();
        figure.put("measure", measure);
        figure.put("value", value);
        return figure;
    }

    public static Map<String, Object> figure(String measure, String dimension, String part, Object value) {
        Map<String, Object> figure = figure(measure, value);
        figure.put("breakdown", Map.of(dimension, part));
        return figure;
    }

    public static List<Map<String, Object>> kentFigures() {
        return new ArrayList<>(List.of(
                figure("inpost_fte", 450.5), figure("inpost_headcount", 480),
                figure("leavers_fte", 60.0), figure("leavers_headcount", 63),
                figure("leavers_fte", "leaving_reason", "RESIGNATION", 45.0),
                figure("leavers_fte", "leaving_reason", "RETIREMENT", 15.0),
                figure("agency_fte", 90.0), figure("agency_headcount", 92),
                figure("agency_cover_fte", 70.0), figure("vacancy_fte", 100.0),
                figure("case_holders_fte", 380.0), figure("cases", 6080),
                figure("working_days_lost_fte", 4000), figure("establishment_fte", "x")));
    }

    /**
     * A council's census-year return as it would send one in practice: the CSV template downloaded for the year, the
     * given figures typed into its value column (each on its measure's and breakdown's row, which must be there) and
     * every other row left blank, uploaded whole.
     */
    public static Api.Answer uploadTemplateFilledIn(Api api, String token, String year, List<Map<String, Object>> figures) {
        String template = api.get("/api/v1/returns/templates/CENSUS_YEAR.csv?period=" + year, token).body().replace("\uFEFF", "");
        Map<String, String> wanted = new java.util.LinkedHashMap<>();
        for (Map<String, Object> figure : figures) {
            @SuppressWarnings("unchecked")
            Map<String, String> breakdown = (Map<String, String>) figure.get("breakdown");
            String part = breakdown == null ? "" : breakdown.entrySet().iterator().next().getKey() + "=" + breakdown.values().iterator().next();
            wanted.put(figure.get("measure") + "," + part, String.valueOf(figure.get("value")));
        }
        StringBuilder filled = new StringBuilder();
        java.util.Set<String> found = new java.util.HashSet<>();
        for (String line : template.split("\r?\n")) {
            String[] cells = line.split(",", -1);
            String key = cells.length >= 6 ? cells[3] + "," + cells[4] : "";
            if (wanted.containsKey(key)) {
                found.add(key);
                cells[5] = wanted.get(key);
            }
            filled.append(String.join(",", cells)).append("\r\n");
        }
        java.util.Set<String> missing = new java.util.TreeSet<>(wanted.keySet());
        missing.removeAll(found);
        String authority = template.split("\\r?\\n")[1].split(",", -1)[0];
        for (String key : List.copyOf(missing)) {
            if (key.contains(",office=")) { // a council adds its own offices' rows, as the template's guidance says
                filled.append(authority).append(",CENSUS_YEAR,").append(year).append(',').append(key).append(',').append(wanted.get(key)).append("\r\n");
                missing.remove(key);
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Set.of(), missing, "the template has a row for every figure");
        io.micronaut.http.client.multipart.MultipartBody body = io.micronaut.http.client.multipart.MultipartBody.builder()
                .addPart("file", "workforce-return-census_year.csv", io.micronaut.http.MediaType.TEXT_CSV_TYPE,
                        filled.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).build();
        return api.send(io.micronaut.http.HttpRequest.POST("/api/v1/returns/uploads", body)
                .contentType(io.micronaut.http.MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(token));
    }

    public static Map<String, Object> censusReturn(String year, List<Map<String, Object>> figures) {
        Map<String, Object> body = new HashMap<>();
        body.put("periodType", "CENSUS_YEAR");
        body.put("period", year);
        body.put("values", figures);
        return body;
    }
}

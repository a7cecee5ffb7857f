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

    public static Map<String, Object> censusReturn(String year, List<Map<String, Object>> figures) {
        Map<String, Object> body = new HashMap<>();
        body.put("periodType", "CENSUS_YEAR");
        body.put("period", year);
        body.put("values", figures);
        return body;
    }
}

package exchange.workforce.published;

import exchange.workforce.measures.Symbol;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads of DfE's published figures as stored: the only SQL that reads them for the API. */
@Singleton
class PublishedStatisticDao {

    private static final String FOR_AREA = """
            select publication, time_period, geographic_level, area_code, area_name, measure, value, symbol, source
              from published_statistic
             where area_code = upper(?) and (? = '' or measure = lower(?)) and (? = '' or time_period = ?)
             order by measure, time_period""";
    private static final String REVISIONS = """
            select r.publication, r.measure, r.time_period, r.geographic_level, r.value, r.symbol, i.file_name, i.imported_at
              from published_revision r join published_import i on i.id = r.import_id
             where r.area_code = upper(?) and (? = '' or r.measure = lower(?)) and (? = '' or r.time_period = ?)
             order by r.id""";

    private final JdbcOperations jdbc;

    PublishedStatisticDao(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A place's figures; measure and period narrow them when not blank. */
    List<PublishedStatistic> forArea(String area, String measure, String period) {
        Map<String, List<PublishedStatistic.Revision>> revisions = jdbc.prepareStatement(REVISIONS, statement -> {
            bind(statement, area, measure, period);
            Map<String, List<PublishedStatistic.Revision>> found = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.computeIfAbsent(key(rows), k -> new ArrayList<>()).add(new PublishedStatistic.Revision(rows.getBigDecimal("value"),
                            Symbol.stored(rows.getString("symbol")), rows.getString("file_name"), rows.getObject("imported_at", OffsetDateTime.class)));
                }
            }
            return found;
        });
        return jdbc.prepareStatement(FOR_AREA, statement -> {
            bind(statement, area, measure, period);
            List<PublishedStatistic> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    List<PublishedStatistic.Revision> earlier = revisions.getOrDefault(key(rows), List.of());
                    found.add(new PublishedStatistic(rows.getString("publication"), rows.getString("time_period"),
                            rows.getString("geographic_level"), rows.getString("area_code"), rows.getString("area_name"),
                            rows.getString("measure"), rows.getBigDecimal("value"), Symbol.stored(rows.getString("symbol")),
                            rows.getString("source"), !earlier.isEmpty(), earlier));
                }
            }
            return found;
        });
    }

    private static void bind(java.sql.PreparedStatement statement, String area, String measure, String period) throws java.sql.SQLException {
        statement.setString(1, area);
        statement.setString(2, measure);
        statement.setString(3, measure);
        statement.setString(4, period);
        statement.setString(5, period);
    }

    /** One figure's identity within an area. */
    private static String key(ResultSet row) throws java.sql.SQLException {
        return row.getString("publication") + "|" + row.getString("measure") + "|" + row.getString("time_period") + "|" + row.getString("geographic_level");
    }
}

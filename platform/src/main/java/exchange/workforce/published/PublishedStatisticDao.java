package exchange.workforce.published;

import exchange.workforce.measures.Symbol;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Reads of DfE's published figures as stored: the only SQL that reads them for the API. */
@Singleton
class PublishedStatisticDao {

    private static final String FOR_AREA = """
            select publication, time_period, geographic_level, area_code, area_name, measure, value, symbol, source
              from published_statistic
             where area_code = upper(?) and (? = '' or measure = lower(?)) and (? = '' or time_period = ?)
             order by measure, time_period""";

    private final JdbcOperations jdbc;

    PublishedStatisticDao(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A place's figures; measure and period narrow them when not blank. */
    List<PublishedStatistic> forArea(String area, String measure, String period) {
        return jdbc.prepareStatement(FOR_AREA, statement -> {
            statement.setString(1, area);
            statement.setString(2, measure);
            statement.setString(3, measure);
            statement.setString(4, period);
            statement.setString(5, period);
            List<PublishedStatistic> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(new PublishedStatistic(rows.getString("publication"), rows.getString("time_period"),
                            rows.getString("geographic_level"), rows.getString("area_code"), rows.getString("area_name"),
                            rows.getString("measure"), rows.getBigDecimal("value"), Symbol.stored(rows.getString("symbol")),
                            rows.getString("source")));
                }
            }
            return found;
        });
    }
}

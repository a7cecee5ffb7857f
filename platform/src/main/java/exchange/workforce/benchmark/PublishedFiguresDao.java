package exchange.workforce.benchmark;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.util.function.Consumer;

/** What {@link BenchmarkDataSource} reads as the application role: the data's version, and DfE's published figures. */
@Singleton
class PublishedFiguresDao {

    private static final String VERSION = "select benchmark_data_version()";
    /** DfE's figures, each with the value a later publication replaced (the latest revision), where DfE revised it. */
    private static final String PUBLISHED = """
            select s.publication, s.time_period, s.geographic_level, s.area_code, s.measure, s.value, s.symbol,
                   r.value as earlier_value, r.symbol as earlier_symbol
              from published_statistic s
              left join lateral (select p.value, p.symbol from published_revision p
                                  where p.area_code = s.area_code and p.measure = s.measure and p.time_period = s.time_period
                                    and p.publication = s.publication and p.geographic_level = s.geographic_level
                                  order by p.id desc limit 1) r on true""";

    /** One published figure, and its value before DfE last revised it (both null if it never did). */
    record Published(String publication, String period, String geographicLevel, String area, String measure, BigDecimal value,
                     String symbol, BigDecimal earlierValue, String earlierSymbol) {
    }

    private final JdbcOperations jdbc;

    PublishedFiguresDao(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The data's version: the day and the change counters' sums by kind (V30), one cheap query. */
    String dataVersion() {
        return jdbc.prepareStatement(VERSION, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        });
    }

    /** Hands each published figure to {@code each}, without holding them all as rows. */
    void eachPublished(Consumer<Published> each) {
        jdbc.prepareStatement(PUBLISHED, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    each.accept(new Published(rows.getString("publication"), rows.getString("time_period"), rows.getString("geographic_level"),
                            rows.getString("area_code"), rows.getString("measure"), rows.getBigDecimal("value"), rows.getString("symbol"),
                            rows.getBigDecimal("earlier_value"), rows.getString("earlier_symbol")));
                }
            }
            return null;
        });
    }
}

package exchange.workforce.published;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The SQL of importing a DfE file ({@link PublishedStatisticsImporter}), on the connection the import runs its one
 * transaction on: the import's record, the file's figures staged in a temporary table, compared with the stored ones,
 * the revised ones' earlier values kept, and one upsert.
 */
final class PublishedImportDao {

    private static final String RECORD_IMPORT = """
            insert into published_import (publication, source, file_name, file_sha256, rows_read, values_new,
                                          values_changed, values_unchanged, skipped, vintage)
            values (?, ?, ?, ?, 0, 0, 0, 0, 0, ?) returning id""";
    /** The file's figures, one per place, measure and period (a later line wins), beside the stored one and its vintage. */
    private static final String AGAINST_STORED = """
            with incoming as (
                select distinct on (measure, time_period, geographic_level, area_code) *
                  from incoming_statistic
                 order by measure, time_period, geographic_level, area_code, line desc)
            select s.measure, s.time_period, s.geographic_level, s.area_code, s.area_name, s.value, s.symbol, s.import_id,
                   n.value as new_value, n.symbol as new_symbol, i.vintage
              from published_statistic s
              join published_import i on i.id = s.import_id
              join incoming n on n.measure = s.measure and n.time_period = s.time_period
                             and n.geographic_level = s.geographic_level and n.area_code = s.area_code
             where s.publication = ? and (s.value, s.symbol) is distinct from (n.value, n.symbol)""";
    private static final String KEEP_EARLIER = """
            insert into published_revision (publication, measure, time_period, geographic_level, area_code, value, symbol,
                                            import_id, superseded_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    /** Figures from an older publication than the stored ones are left out of the upsert, so they change nothing. */
    private static final String DROP_OLDER = """
            delete from incoming_statistic n
             using published_statistic s, published_import i
             where s.publication = ? and i.id = s.import_id and i.vintage > ?
               and n.measure = s.measure and n.time_period = s.time_period
               and n.geographic_level = s.geographic_level and n.area_code = s.area_code""";
    private static final String STAGE = """
            create temporary table incoming_statistic (
                time_period text, time_identifier text, geographic_level text, area_code text, area_name text,
                region_code text, old_la_code text, measure text, value numeric, symbol text, line bigint
            ) on commit drop""";
    private static final String STAGE_ROW = """
            insert into incoming_statistic values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    /** One statement for the whole file; a figure that is already as published is left alone and counted unchanged. */
    private static final String UPSERT = """
            with upserted as (
                insert into published_statistic as s (publication, time_period, time_identifier, geographic_level,
                    area_code, area_name, region_code, old_la_code, measure, value, symbol, source, import_id)
                select distinct on (measure, time_period, geographic_level, area_code)
                       ?, time_period, time_identifier, geographic_level, area_code, area_name, region_code,
                       old_la_code, measure, value, symbol, ?, ?
                  from incoming_statistic
                 order by measure, time_period, geographic_level, area_code, line desc
                on conflict (publication, measure, time_period, geographic_level, area_code) do update
                   set value = excluded.value, symbol = excluded.symbol, area_name = excluded.area_name,
                       source = excluded.source, import_id = excluded.import_id
                 where (s.value, s.symbol, s.area_name) is distinct from (excluded.value, excluded.symbol, excluded.area_name)
                returning (xmax = 0) as inserted)
            select count(*) filter (where inserted), count(*) filter (where not inserted) from upserted""";
    private static final String COMPLETE_IMPORT = """
            update published_import set rows_read = ?, values_new = ?, values_changed = ?, values_unchanged = ?, skipped = ?
             where id = ?""";

    /** One figure of the file, as it will be stored. */
    record Incoming(String timePeriod, String timeIdentifier, String level, String areaCode, String areaName, String regionCode,
                    String oldLaCode, String measure, BigDecimal value, String symbol, long line) {
    }

    /** A stored figure the file gives differently, and the vintage of the import that stored it. */
    record Differing(String measure, String timePeriod, String geographicLevel, String areaCode, String areaName, BigDecimal value,
                     String symbol, long importId, BigDecimal newValue, String newSymbol, String vintage) {
    }

    private final Connection connection;

    PublishedImportDao(Connection connection) {
        this.connection = connection;
    }

    /** The publications imported so far. */
    static Set<String> importedPublications(Connection connection) throws SQLException {
        Set<String> imported = new HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select distinct publication from published_import")) {
            while (rows.next()) {
                imported.add(rows.getString(1));
            }
        }
        return imported;
    }

    long recordImport(String publication, String source, String fileName, String sha256, String vintage) throws SQLException {
        try (PreparedStatement record = connection.prepareStatement(RECORD_IMPORT)) {
            record.setString(1, publication);
            record.setString(2, source);
            record.setString(3, fileName);
            record.setString(4, sha256);
            record.setString(5, vintage);
            try (ResultSet rows = record.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Stages the file's figures (in batches of 2,000); how many. */
    int stage(List<Incoming> figures) throws SQLException {
        try (Statement stage = connection.createStatement()) {
            stage.execute(STAGE);
        }
        int total = 0;
        try (PreparedStatement staged = connection.prepareStatement(STAGE_ROW)) {
            for (Incoming figure : figures) {
                int i = 1;
                staged.setString(i++, figure.timePeriod());
                staged.setString(i++, figure.timeIdentifier());
                staged.setString(i++, figure.level());
                staged.setString(i++, figure.areaCode());
                staged.setString(i++, figure.areaName());
                staged.setString(i++, figure.regionCode());
                staged.setString(i++, figure.oldLaCode());
                staged.setString(i++, figure.measure());
                staged.setBigDecimal(i++, figure.value());
                staged.setString(i++, figure.symbol());
                staged.setLong(i, figure.line());
                staged.addBatch();
                if (++total % 2000 == 0) {
                    staged.executeBatch();
                }
            }
            staged.executeBatch();
        }
        return total;
    }

    List<Differing> differingFromStored(String publication) throws SQLException {
        List<Differing> differing = new ArrayList<>();
        try (PreparedStatement against = connection.prepareStatement(AGAINST_STORED)) {
            against.setString(1, publication);
            try (ResultSet rows = against.executeQuery()) {
                while (rows.next()) {
                    differing.add(new Differing(rows.getString("measure"), rows.getString("time_period"), rows.getString("geographic_level"),
                            rows.getString("area_code"), rows.getString("area_name"), rows.getBigDecimal("value"), rows.getString("symbol"),
                            rows.getLong("import_id"), rows.getBigDecimal("new_value"), rows.getString("new_symbol"), rows.getString("vintage")));
                }
            }
        }
        return differing;
    }

    /** Keeps the stored values the import revises, each with the import that superseded it. */
    void keepEarlier(String publication, List<Differing> revised, long importId) throws SQLException {
        try (PreparedStatement keep = connection.prepareStatement(KEEP_EARLIER)) {
            for (Differing one : revised) {
                int k = 1;
                keep.setString(k++, publication);
                keep.setString(k++, one.measure());
                keep.setString(k++, one.timePeriod());
                keep.setString(k++, one.geographicLevel());
                keep.setString(k++, one.areaCode());
                keep.setBigDecimal(k++, one.value());
                keep.setString(k++, one.symbol());
                keep.setLong(k++, one.importId());
                keep.setLong(k, importId);
                keep.addBatch();
            }
            keep.executeBatch();
        }
    }

    void dropOlder(String publication, String vintage) throws SQLException {
        try (PreparedStatement older = connection.prepareStatement(DROP_OLDER)) {
            older.setString(1, publication);
            older.setString(2, vintage);
            older.executeUpdate();
        }
    }

    /** Stores the staged figures; how many were new and how many changed. */
    int[] upsert(String publication, String source, long importId) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setString(1, publication);
            upsert.setString(2, source);
            upsert.setLong(3, importId);
            try (ResultSet counts = upsert.executeQuery()) {
                counts.next();
                return new int[] {counts.getInt(1), counts.getInt(2)};
            }
        }
    }

    void complete(long importId, long rowsRead, int inserted, int changed, int unchanged, int skipped) throws SQLException {
        try (PreparedStatement complete = connection.prepareStatement(COMPLETE_IMPORT)) {
            complete.setLong(1, rowsRead);
            complete.setInt(2, inserted);
            complete.setInt(3, changed);
            complete.setInt(4, unchanged);
            complete.setInt(5, skipped);
            complete.setLong(6, importId);
            complete.executeUpdate();
        }
    }
}

package exchange.workforce.published;

import exchange.workforce.adapters.dfe.EesFile;
import exchange.workforce.adapters.dfe.PublishedRow;
import exchange.workforce.adapters.dfe.PublishedValue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Stores a DfE file's figures as published statistics, in one transaction: all of the file or none of it.
 * Importing the same file again changes nothing (each figure is compared, not blindly overwritten); a new
 * release of a figure replaces the old one and is counted as changed.
 */
public final class PublishedStatisticsImporter {

    private static final String RECORD_IMPORT = """
            insert into published_import (publication, source, file_name, file_sha256, rows_read, values_new,
                                          values_changed, values_unchanged, skipped)
            values (?, ?, ?, ?, 0, 0, 0, 0, 0) returning id""";
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

    /** A file with rows that no authority's code or DfE number places: refused whole unless told to leave them out. */
    public static final class UnplacedRows extends IllegalArgumentException {
        UnplacedRows(List<PlacingARow.Unplaced> rows) {
            super(rows.size() + (rows.size() == 1 ? " row names" : " rows name") + " no authority the platform knows, by ONS code or DfE "
                    + "number:" + rows.stream().limit(50).map(r -> System.lineSeparator() + "  " + r.words()).collect(java.util.stream.Collectors.joining())
                    + (rows.size() > 50 ? System.lineSeparator() + "  and " + (rows.size() - 50) + " more" : "") + System.lineSeparator()
                    + "Add the authority to schemas/reference/authorities.csv if it is new, or import with --skip-unplaced to store the "
                    + "rest and leave these out.");
        }
    }

    /**
     * What an import did, to print for the operator.
     *
     * @param placedByNumber rows whose ONS code the reference list does not have, stored by their DfE number
     * @param unplaced       rows left out (with --skip-unplaced) because neither key names an authority
     */
    public record Report(String file, String publication, long rowsRead, long rowsStored, int valuesNew,
                         int valuesChanged, int valuesUnchanged, List<EesFile.Skipped> skipped,
                         List<String> placedByNumber, List<String> unplaced) {

        public String summary() {
            // "stored" only when something was: re-importing an unchanged file says so rather than "1137 stored"
            String outcome = valuesNew + valuesChanged == 0 ? "nothing new or changed"
                    : String.format(Locale.ROOT, "%d rows stored", rowsStored);
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                    "%s: %d rows read, %s (%d figures new, %d changed, %d unchanged), %d skipped",
                    file, rowsRead, outcome, valuesNew, valuesChanged, valuesUnchanged, skipped.size()));
            for (EesFile.Skipped one : skipped) {
                text.append(String.format(Locale.ROOT, "%n  skipped line %d%s: %s", one.line(),
                        one.column() == null ? "" : ", column " + one.column(), one.reason()));
            }
            for (String note : placedByNumber) {
                text.append(String.format(Locale.ROOT, "%n  %s", note));
            }
            for (String left : unplaced) {
                text.append(String.format(Locale.ROOT, "%n  left out (--skip-unplaced) %s", left));
            }
            return text.toString();
        }
    }

    private PublishedStatisticsImporter() {
    }

    /** Imports {@code bytes} (a file's content) on {@code connection}, which this method commits or rolls back. */
    public static Report importFile(Connection connection, String fileName, byte[] bytes) throws SQLException, IOException {
        return importFile(connection, fileName, bytes, false);
    }

    /**
     * The same; a row that names no authority by ONS code or DfE number refuses the whole file ({@link UnplacedRows}),
     * unless {@code skipUnplaced}, when it is left out and named in the report.
     */
    public static Report importFile(Connection connection, String fileName, byte[] bytes, boolean skipUnplaced) throws SQLException, IOException {
        EesFile.Contents contents = EesFile.read(new ByteArrayInputStream(bytes));
        Publications.Publication recognised = Publications.recognise(contents.measures());
        String publication = recognised.code();
        String source = recognised.source();
        PlacingARow placing = new PlacingARow(exchange.workforce.tenancy.ReferenceAuthorities.load());
        List<PlacingARow.Unplaced> unplaced = new java.util.ArrayList<>();
        List<String> placedByNumber = new java.util.ArrayList<>();
        java.util.Map<PublishedRow, String> placed = new java.util.IdentityHashMap<>();
        for (PublishedRow row : contents.rows()) {
            placing.place(row, referenceDay(publication, row.timePeriod()), unplaced::add).ifPresent(p -> {
                placed.put(row, p.areaCode());
                if (p.note() != null) {
                    placedByNumber.add(p.note());
                }
            });
        }
        if (!unplaced.isEmpty() && !skipUnplaced) {
            throw new UnplacedRows(unplaced);
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            long importId;
            try (PreparedStatement record = connection.prepareStatement(RECORD_IMPORT)) {
                record.setString(1, publication);
                record.setString(2, source);
                record.setString(3, fileName);
                record.setString(4, sha256(bytes));
                try (ResultSet rows = record.executeQuery()) {
                    rows.next();
                    importId = rows.getLong(1);
                }
            }
            int total = 0;
            try (Statement stage = connection.createStatement()) {
                stage.execute(STAGE);
            }
            try (PreparedStatement staged = connection.prepareStatement(STAGE_ROW)) {
                for (PublishedRow row : contents.rows()) {
                    String areaCode = placed.get(row);
                    if (areaCode == null) {
                        continue;
                    }
                    for (PublishedValue value : row.values()) {
                        int i = 1;
                        staged.setString(i++, row.timePeriod());
                        staged.setString(i++, row.timeIdentifier());
                        staged.setString(i++, row.level());
                        staged.setString(i++, areaCode);
                        staged.setString(i++, row.areaName());
                        staged.setString(i++, emptyToNull(row.regionCode()));
                        staged.setString(i++, emptyToNull(row.oldLaCode()));
                        staged.setString(i++, value.measure());
                        staged.setBigDecimal(i++, value.value());
                        staged.setString(i++, value.symbol() == null ? null : value.symbol().name());
                        staged.setLong(i, row.line());
                        staged.addBatch();
                        if (++total % 2000 == 0) {
                            staged.executeBatch();
                        }
                    }
                }
                staged.executeBatch();
            }
            int inserted;
            int changed;
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                upsert.setString(1, publication);
                upsert.setString(2, source);
                upsert.setLong(3, importId);
                try (ResultSet counts = upsert.executeQuery()) {
                    counts.next();
                    inserted = counts.getInt(1);
                    changed = counts.getInt(2);
                }
            }
            int unchanged = total - inserted - changed;
            try (PreparedStatement complete = connection.prepareStatement(COMPLETE_IMPORT)) {
                complete.setLong(1, contents.linesRead());
                complete.setInt(2, inserted);
                complete.setInt(3, changed);
                complete.setInt(4, unchanged);
                complete.setInt(5, contents.skipped().size());
                complete.setLong(6, importId);
                complete.executeUpdate();
            }
            connection.commit();
            return new Report(fileName, publication, contents.linesRead(), placed.size(), inserted, changed,
                    unchanged, contents.skipped(), List.copyOf(placedByNumber), unplaced.stream().map(PlacingARow.Unplaced::words).toList());
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * The day a row's figures describe, for placing it by DfE number: 30 September of the census year for the
     * workforce census, else 31 March ending the year (children in need, referrals, plans). A period written as two
     * years (202324) ends in the second.
     */
    static java.time.LocalDate referenceDay(String publication, String timePeriod) {
        String digits = timePeriod == null ? "" : timePeriod.replaceAll("[^0-9]", "");
        if (digits.length() < 4) {
            return java.time.LocalDate.of(2100, 1, 1);
        }
        int year = Integer.parseInt(digits.substring(0, 4)) + (digits.length() == 6 ? 1 : 0);
        return "csww_indicators".equals(publication) ? java.time.LocalDate.of(year, 9, 30) : java.time.LocalDate.of(year, 3, 31);
    }

    private static String emptyToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

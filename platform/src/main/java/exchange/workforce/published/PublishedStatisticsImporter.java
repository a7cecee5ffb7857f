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
 * Importing the same file again changes nothing (each figure is compared, not blindly overwritten). Each import is a
 * vintage, known by the latest period its file holds: a figure a publication at least as new revises is replaced and
 * its earlier value kept in {@code published_revision}; a figure from an older publication than the stored one
 * changes nothing, so importing an old file again reverts nothing.
 */
public final class PublishedStatisticsImporter {

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
     * @param vintage        the latest period the file holds: a figure from a newer publication is never replaced by it
     * @param revisions      figures this file revised ("inpost_fte 2022 Kent: 1000.5 → c"), each earlier value kept
     * @param keptNewer      figures that differ in this file but came from a newer publication, left as they are
     * @param yearsLater     how many years later than its own period each figure was stored (1 for ONS's population)
     */
    public record Report(String file, String publication, long rowsRead, long rowsStored, int valuesNew,
                         int valuesChanged, int valuesUnchanged, List<EesFile.Skipped> skipped,
                         List<String> placedByNumber, List<String> unplaced, String vintage, List<String> revisions,
                         int keptNewer, int yearsLater) {

        public String summary() {
            // "stored" only when something was: re-importing an unchanged file says so rather than "1137 stored"
            String outcome = valuesNew + valuesChanged == 0 ? "nothing new or changed"
                    : String.format(Locale.ROOT, "%d rows stored", rowsStored);
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                    "%s: %d rows read, %s (%d figures new, %d changed, %d unchanged), %d skipped",
                    file, rowsRead, outcome, valuesNew, valuesChanged, valuesUnchanged, skipped.size()));
            if (yearsLater > 0) {
                text.append(String.format(Locale.ROOT, "%n  each mid-year estimate is stored against the children-in-need year that "
                        + "begins after it (mid-2023 for the year to 31 March 2024), the year it is the denominator for"));
            }
            for (EesFile.Skipped one : skipped) {
                text.append(String.format(Locale.ROOT, "%n  skipped line %d%s: %s", one.line(),
                        one.column() == null ? "" : ", column " + one.column(), one.reason()));
            }
            if (keptNewer > 0) {
                text.append(String.format(Locale.ROOT, "%n  %d figures differ in this file (latest period %s) but come from a newer "
                        + "publication: left as it has them", keptNewer, vintage));
            }
            for (String revision : revisions.subList(0, Math.min(revisions.size(), 50))) {
                text.append(String.format(Locale.ROOT, "%n  revised %s (the earlier value is kept)", revision));
            }
            if (revisions.size() > 50) {
                text.append(String.format(Locale.ROOT, "%n  and %d more revisions", revisions.size() - 50));
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
            placing.place(row, referenceDay(publication, recognised.storedPeriod(row.timePeriod())), unplaced::add).ifPresent(p -> {
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
                record.setString(5, vintage(contents, recognised));
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
                        staged.setString(i++, recognised.storedPeriod(row.timePeriod()));
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
            String vintage = vintage(contents, recognised);
            List<String> revisions = new java.util.ArrayList<>();
            int keptNewer = 0;
            try (PreparedStatement against = connection.prepareStatement(AGAINST_STORED);
                 PreparedStatement keep = connection.prepareStatement(KEEP_EARLIER)) {
                against.setString(1, publication);
                try (ResultSet differing = against.executeQuery()) {
                    while (differing.next()) {
                        String figure = differing.getString("measure") + " " + differing.getString("time_period") + " "
                                + differing.getString("area_name") + ": " + shown(differing.getBigDecimal("value"), differing.getString("symbol"))
                                + " → " + shown(differing.getBigDecimal("new_value"), differing.getString("new_symbol"));
                        if (vintage.compareTo(differing.getString("vintage")) < 0) {
                            keptNewer++;
                            continue;
                        }
                        int k = 1;
                        keep.setString(k++, publication);
                        keep.setString(k++, differing.getString("measure"));
                        keep.setString(k++, differing.getString("time_period"));
                        keep.setString(k++, differing.getString("geographic_level"));
                        keep.setString(k++, differing.getString("area_code"));
                        keep.setBigDecimal(k++, differing.getBigDecimal("value"));
                        keep.setString(k++, differing.getString("symbol"));
                        keep.setLong(k++, differing.getLong("import_id"));
                        keep.setLong(k, importId);
                        keep.addBatch();
                        revisions.add(figure);
                    }
                }
                keep.executeBatch();
            }
            try (PreparedStatement older = connection.prepareStatement(DROP_OLDER)) {
                older.setString(1, publication);
                older.setString(2, vintage);
                older.executeUpdate();
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
            int unchanged = total - inserted - changed - keptNewer;
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
                    unchanged, contents.skipped(), List.copyOf(placedByNumber), unplaced.stream().map(PlacingARow.Unplaced::words).toList(),
                    vintage, List.copyOf(revisions), keptNewer, recognised.yearsLater());
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The latest period a file holds, as stored: which of two publications is newer. */
    private static String vintage(EesFile.Contents contents, Publications.Publication publication) {
        return contents.rows().stream().map(PublishedRow::timePeriod).filter(java.util.Objects::nonNull).map(publication::storedPeriod)
                .max(String::compareTo).orElse("");
    }

    private static String shown(java.math.BigDecimal value, String symbol) {
        return value != null ? value.toPlainString() : symbol;
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

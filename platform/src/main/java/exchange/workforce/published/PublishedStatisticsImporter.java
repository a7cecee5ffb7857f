package exchange.workforce.published;

import exchange.workforce.adapters.dfe.EesFile;
import exchange.workforce.adapters.dfe.PublishedRow;
import exchange.workforce.adapters.dfe.PublishedValue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
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
            PublishedImportDao dao = new PublishedImportDao(connection);
            String vintage = vintage(contents, recognised);
            long importId = dao.recordImport(publication, source, fileName, sha256(bytes), vintage);
            List<PublishedImportDao.Incoming> incoming = new java.util.ArrayList<>();
            for (PublishedRow row : contents.rows()) {
                String areaCode = placed.get(row);
                if (areaCode == null) {
                    continue;
                }
                for (PublishedValue value : row.values()) {
                    incoming.add(new PublishedImportDao.Incoming(recognised.storedPeriod(row.timePeriod()), row.timeIdentifier(), row.level(),
                            areaCode, row.areaName(), emptyToNull(row.regionCode()), emptyToNull(row.oldLaCode()), value.measure(),
                            value.value(), value.symbol() == null ? null : value.symbol().name(), row.line()));
                }
            }
            int total = dao.stage(incoming);
            List<String> revisions = new java.util.ArrayList<>();
            List<PublishedImportDao.Differing> revised = new java.util.ArrayList<>();
            int keptNewer = 0;
            for (PublishedImportDao.Differing differing : dao.differingFromStored(publication)) {
                if (vintage.compareTo(differing.vintage()) < 0) {
                    keptNewer++;
                    continue;
                }
                revised.add(differing);
                revisions.add(differing.measure() + " " + differing.timePeriod() + " " + differing.areaName() + ": "
                        + shown(differing.value(), differing.symbol()) + " → " + shown(differing.newValue(), differing.newSymbol()));
            }
            dao.keepEarlier(publication, revised, importId);
            dao.dropOlder(publication, vintage);
            int[] upserted = dao.upsert(publication, source, importId);
            int inserted = upserted[0];
            int changed = upserted[1];
            int unchanged = total - inserted - changed - keptNewer;
            dao.complete(importId, contents.linesRead(), inserted, changed, unchanged, contents.skipped().size());
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

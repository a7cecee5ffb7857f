package exchange.workforce.agency;

import exchange.workforce.benchmark.DisclosureControl;
import exchange.workforce.identity.Caller;
import exchange.workforce.measures.Symbol;
import exchange.workforce.memorandum.Memoranda;
import exchange.workforce.memorandum.MemorandumTerms;
import exchange.workforce.returns.Period;
import exchange.workforce.tenancy.Regions;
import exchange.workforce.tenancy.TenantTransactions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The region's agency compliance as one of its councils reads it: its own row named and whole; every other member
 * unnamed, in an order that says nothing, and each count of workers from 1 to the memorandum's small-count threshold − 1
 * suppressed (c), as benchmarks suppress small counts of people; the region's total suppressed wherever any member's
 * count is, so no total minus what a council can see recovers a suppressed count. The region's own users read the named
 * view ({@link AssignmentRegister#compliance}).
 */
@Singleton
public class ComplianceAmongMembers {

    static final int DEFAULT_THRESHOLD = 5;
    private static final List<String> COUNTS = List.of("assignments", "capBreaches", "capBreachesSignedOff", "coolingOffNotMet", "withExceptions");

    /** A count of workers, or the symbol that stands for it. */
    @Serdeable
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Count(@Nullable Long value, @Nullable Symbol symbol) {
    }

    /** One member's quarter, or the region's total. */
    @Serdeable
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Row(String member, boolean you, Count assignments, Count capBreaches, Count capBreachesSignedOff, Count coolingOffNotMet,
                      Count withExceptions, @Nullable BigDecimal agencySpend, long agencySpendMonths) {
    }

    /** The view: members, the total, the threshold applied and what it all means. */
    @Serdeable
    public record View(String quarter, String regionCode, int smallCountThreshold, List<Row> members, Row region, String note) {
    }

    private final AssignmentDao assignments;
    private final TenantTransactions transactions;
    private final Memoranda memoranda;
    private final Regions regions;
    private final Clock clock;

    public ComplianceAmongMembers(AssignmentDao assignments, TenantTransactions transactions, Memoranda memoranda, Regions regions, Clock clock) {
        this.assignments = assignments;
        this.transactions = transactions;
        this.memoranda = memoranda;
        this.regions = regions;
        this.clock = clock;
    }

    public View of(Caller caller, String quarter) {
        Period period = AssignmentRegister.quarter(quarter);
        String region = caller.homeRegion().orElseThrow();
        int threshold = transactions.read(caller, () -> memoranda.termsInForce(region, LocalDate.now(clock))
                .map(MemorandumTerms::smallCountThreshold).orElse(DEFAULT_THRESHOLD));
        List<AssignmentDao.AnonymisedCompliance> found = transactions.read(caller, () -> assignments.complianceAnonymised(period.start(), period.end()));
        List<Row> rows = new ArrayList<>();
        List<Map<String, DisclosureControl.Cell>> contributions = new ArrayList<>();
        BigDecimal spend = null;
        long spendMonths = 0;
        int other = 0;
        for (AssignmentDao.AnonymisedCompliance c : found) {
            Map<String, DisclosureControl.Cell> protectedCells = new LinkedHashMap<>();
            counts(c).forEach((key, value) -> protectedCells.put(key, DisclosureControl.protect(Map.of(key, BigDecimal.valueOf(value)), threshold).get(key)));
            contributions.add(protectedCells);
            String name = c.you() ? "Your council (" + regions.authority(c.authorityCode()).map(a -> a.name()).orElse(c.authorityCode()) + ")"
                    : "Another member " + (char) ('A' + other++ % 26) + (other > 26 ? Integer.toString((other - 1) / 26) : "");
            Map<String, DisclosureControl.Cell> shown = c.you() ? whole(counts(c)) : protectedCells;
            rows.add(row(name, c.you(), shown, c.agencySpend(), c.spendMonths()));
            if (c.agencySpend() != null) {
                spend = spend == null ? c.agencySpend() : spend.add(c.agencySpend());
                spendMonths += c.spendMonths();
            }
        }
        Row total = row("The region", false, DisclosureControl.combine(COUNTS, contributions), spend, spendMonths);
        String note = "Members of your region with an assignment or a monthly return in " + period.label() + ". Only your council is named; "
                + "the others are in no particular order. A count of workers from 1 to " + (threshold - 1) + " is suppressed (c) for "
                + "other members, and the region's total is suppressed wherever any member's count is. Agency spend sums the monthly "
                + "returns' agency_spend; agencySpendMonths says how many months of the quarter it covers (up to 3 a member).";
        return new View(period.label(), region, threshold, rows, total, note);
    }

    private static Map<String, Long> counts(AssignmentDao.AnonymisedCompliance c) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("assignments", c.assignments());
        counts.put("capBreaches", c.capBreaches());
        counts.put("capBreachesSignedOff", c.signedOff());
        counts.put("coolingOffNotMet", c.coolingOff());
        counts.put("withExceptions", c.exceptions());
        return counts;
    }

    private static Map<String, DisclosureControl.Cell> whole(Map<String, Long> counts) {
        Map<String, DisclosureControl.Cell> cells = new LinkedHashMap<>();
        counts.forEach((key, value) -> cells.put(key, new DisclosureControl.Cell(BigDecimal.valueOf(value), null)));
        return cells;
    }

    private static Row row(String name, boolean you, Map<String, DisclosureControl.Cell> cells, BigDecimal spend, long spendMonths) {
        List<Count> counts = COUNTS.stream().map(key -> {
            DisclosureControl.Cell cell = cells.get(key);
            return cell == null ? new Count(0L, null) : cell.suppressed() ? new Count(null, cell.symbol()) : new Count(cell.value().longValueExact(), null);
        }).toList();
        return new Row(name, you, counts.get(0), counts.get(1), counts.get(2), counts.get(3), counts.get(4), spend, spendMonths);
    }
}

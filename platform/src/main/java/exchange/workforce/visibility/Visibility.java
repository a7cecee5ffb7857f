package exchange.workforce.visibility;

import exchange.workforce.identity.Caller;
import exchange.workforce.memorandum.Membership;
import exchange.workforce.memorandum.Memoranda;
import exchange.workforce.memorandum.MemorandumTerms;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who sees what: the one policy every reader of councils' figures goes through (benchmarks as JSON, CSV and EES, the
 * dashboard and council pages, forecasts of areas, comparison groups). It answers, for a viewer on today's
 * memberships, the questions each reader used to answer for itself; docs/security.md is the same rules as a table.
 * <ul>
 *   <li>A council's own return for a period is read by the council itself and, named, by the members of a memorandum
 *       it belongs to and that memorandum's regional users ({@link Viewer#named()}).</li>
 *   <li>Anyone else reads it only as released by its region, never named, and only inside a figure for a whole
 *       memorandum's released returns of at least its small-count threshold (applied to returns by
 *       benchmark.SeenReturns, with the {@link Thresholds} given here).</li>
 *   <li>A statistical-neighbour group is asked for by its authority and the regional users of its memorandum; a
 *       region's own comparison groups by that region's users and its memorandum's members. To anyone else they do
 *       not exist.</li>
 * </ul>
 */
@Singleton
public class Visibility {

    /** The small-count threshold where a memorandum sets none, and for authorities in no memorandum. */
    public static final int DEFAULT_THRESHOLD = 5;

    private final Memoranda memoranda;
    private final Clock clock;

    public Visibility(Memoranda memoranda, Clock clock) {
        this.memoranda = memoranda;
        this.clock = clock;
    }

    /** The viewer as the policy sees them today: the memorandum they belong to (if any) and the authorities it names to them. */
    public Viewer of(Caller caller) {
        LocalDate today = LocalDate.now(clock);
        Optional<String> memorandum = caller.regionCode().or(() -> caller.authorityCode()
                .filter(a -> memoranda.isSignatoryOn(a, today)).flatMap(a -> caller.homeRegion()));
        Set<String> named = new java.util.HashSet<>();
        caller.authorityCode().ifPresent(named::add);
        memorandum.ifPresent(r -> memoranda.membersOn(r, today).stream().map(Membership::authorityCode).forEach(named::add));
        return new Viewer(caller, memorandum, Set.copyOf(named));
    }

    /**
     * What distinguishes what one caller sees from what another does, without asking the database: their authority,
     * regional claim and home region. Which memorandum they belong to follows from these and the memberships, which are
     * part of the data version any cached answer is kept by.
     */
    public static String keyOf(Caller caller) {
        return caller.authorityCode().orElse("-") + "/" + caller.regionCode().orElse("-") + "/" + caller.homeRegion().orElse("-");
    }

    /** The small-count thresholds of every region's memorandum in force today, by member authority (others: the default). */
    public Thresholds thresholds() {
        return new Thresholds(memoranda, LocalDate.now(clock));
    }

    /**
     * A viewer: who they are, the memorandum they belong to today, and the authorities it names to them (their own
     * and its members').
     */
    public record Viewer(Caller caller, Optional<String> memorandum, Set<String> named) {

        /** Statistical neighbours of an authority: asked for by the authority and the regional users of its memorandum. */
        public boolean mayAskForNeighboursOf(String authority) {
            return caller.authorityCode().map(authority::equals).orElse(false)
                    || caller.regionCode().isPresent() && named.contains(authority);
        }

        /** A region's own comparison groups (and targets): its regional users and its memorandum's members. */
        public boolean belongsTo(String region) {
            return memorandum.map(region::equals).orElse(false) || caller.regionCode().map(region::equals).orElse(false);
        }


    }

    /** Each memorandum's small-count threshold, as in force on one day, read once per region. */
    public static final class Thresholds {

        private final Memoranda memoranda;
        private final LocalDate day;
        private final Map<String, Map<String, Integer>> byRegion = new HashMap<>();

        Thresholds(Memoranda memoranda, LocalDate day) {
            this.memoranda = memoranda;
            this.day = day;
        }

        /** The threshold of the memorandum the authority (in the region given) belongs to, else the default. */
        public int of(String region, String authority) {
            if (region == null) {
                return DEFAULT_THRESHOLD;
            }
            Map<String, Integer> members = byRegion.computeIfAbsent(region, r -> {
                int threshold = memoranda.termsInForce(r, day).map(MemorandumTerms::smallCountThreshold).orElse(DEFAULT_THRESHOLD);
                return memoranda.membersOn(r, day).stream().collect(Collectors.toMap(Membership::authorityCode, m -> threshold, (a, b) -> a));
            });
            return members.getOrDefault(authority, DEFAULT_THRESHOLD);
        }

        /** The region's memorandum's threshold (the default if it has none). */
        public int ofRegion(String region) {
            return memoranda.termsInForce(region, day).map(MemorandumTerms::smallCountThreshold).orElse(DEFAULT_THRESHOLD);
        }
    }
}

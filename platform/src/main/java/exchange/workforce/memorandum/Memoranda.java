package exchange.workforce.memorandum;

import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What other features ask of the memoranda: the terms in force, the members on a day, whether an authority is a
 * signatory or shares a memorandum with another, and a region's target for a measure. Its DAOs stay in this package.
 * Called inside the caller's transaction.
 */
@Singleton
public class Memoranda {

    private final MemorandumDao memoranda;
    private final TargetDao targets;

    Memoranda(MemorandumDao memoranda, TargetDao targets) {
        this.memoranda = memoranda;
        this.targets = targets;
    }

    public Optional<MemorandumTerms> termsInForce(String regionCode, LocalDate on) {
        return memoranda.termsInForce(regionCode, on);
    }

    public List<Membership> membersOn(String regionCode, LocalDate on) {
        return memoranda.membersOn(regionCode, on);
    }

    /** Whether the authority is a member of any memorandum on the date. */
    public boolean isSignatoryOn(String authorityCode, LocalDate on) {
        return memoranda.isSignatoryOn(authorityCode, on);
    }

    /** Whether two authorities are members of the same memorandum on the date. */
    public boolean shareMemorandumOn(String first, String second, LocalDate on) {
        return memoranda.shareMemorandumOn(first, second, on);
    }

    /** The region's target for the measure in force on the day, if it has one (the latest set wins). */
    public Optional<MemorandumTarget> targetInForce(String region, String measure, LocalDate day) {
        return targets.inForce(region, measure, day);
    }
}

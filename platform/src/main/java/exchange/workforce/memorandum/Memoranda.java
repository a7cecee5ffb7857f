package exchange.workforce.memorandum;

import exchange.workforce.problem.ApiProblem;
import exchange.workforce.tenancy.Region;
import exchange.workforce.tenancy.Regions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
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

    /** The memorandum of a region on a day: its terms then in force and its members. */
    @Serdeable
    public record Memorandum(Region region, LocalDate on, @Nullable MemorandumTerms termsInForce, List<Membership> members) {
    }

    private final MemorandumDao memoranda;
    private final TargetDao targets;
    private final Regions regions;
    private final java.time.Clock clock;

    Memoranda(MemorandumDao memoranda, TargetDao targets, Regions regions, java.time.Clock clock) {
        this.memoranda = memoranda;
        this.targets = targets;
        this.regions = regions;
        this.clock = clock;
    }

    /** A region's memorandum on a day (today if none given); 404 for a region that is not one. */
    @io.micronaut.transaction.annotation.ReadOnly
    public Memorandum memorandum(String regionCode, @Nullable LocalDate on) {
        Region region = region(regionCode);
        LocalDate date = on == null ? LocalDate.now(clock) : on;
        return new Memorandum(region, date, memoranda.termsInForce(region.code(), date).orElse(null), memoranda.membersOn(region.code(), date));
    }

    /** Every version of a region's terms, newest first. */
    @io.micronaut.transaction.annotation.ReadOnly
    public List<MemorandumTerms> terms(String regionCode) {
        return memoranda.termsHistory(region(regionCode).code());
    }

    private Region region(String code) {
        return regions.region(code).orElseThrow(() -> ApiProblem.notFound("There is no region '" + code
                + "'. Regions are named by ONS code, e.g. E12000008 for the South East."));
    }

    public Optional<MemorandumTerms> termsInForce(String regionCode, LocalDate on) {
        return memoranda.termsInForce(regionCode, on);
    }

    public List<Membership> membersOn(String regionCode, LocalDate on) {
        return memoranda.membersOn(regionCode, on);
    }

    /** Every membership of the region's memorandum ever recorded, by authority then start. */
    public List<Membership> memberships(String regionCode) {
        return memoranda.memberships(regionCode);
    }

    /** The day each authority first became a member of any memorandum; an authority never a member is absent. */
    public java.util.Map<String, LocalDate> firstJoinedAnyMemorandum() {
        return memoranda.firstJoined();
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

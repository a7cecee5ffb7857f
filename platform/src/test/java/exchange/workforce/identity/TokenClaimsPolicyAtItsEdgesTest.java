package exchange.workforce.identity;

import exchange.workforce.tenancy.ReferenceAuthorities;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each way into the platform a token's claims could open, closed at its exact edge: a token one second or one character
 * inside a limit is taken, one outside it is refused with the reason an operator reads in the log.
 */
class TokenClaimsPolicyAtItsEdgesTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    static final TokenClaimsPolicy POLICY = new TokenClaimsPolicy(ReferenceAuthorities.load(), Duration.ofHours(12), () -> NOW);

    /** A good council user's token, issued now for an hour; each test changes one claim. */
    static Map<String, Object> council() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", "kent-lead");
        claims.put("iat", NOW.getEpochSecond());
        claims.put("exp", NOW.plusSeconds(3600).getEpochSecond());
        claims.put(Claims.AUTHORITY, "E10000016");
        claims.put(Role.CLAIM, List.of("AUTHORITY_SUBMITTER"));
        return claims;
    }

    static Map<String, Object> regional(Object roles) {
        Map<String, Object> claims = council();
        claims.remove(Claims.AUTHORITY);
        claims.put(Claims.REGION, "E12000008");
        claims.put(Role.CLAIM, roles);
        return claims;
    }

    static Optional<String> judge(Map<String, Object> claims) {
        return POLICY.refusal(claims::get);
    }

    static void refused(Map<String, Object> claims, String words) {
        Optional<String> reason = judge(claims);
        assertTrue(reason.isPresent() && reason.get().contains(words), "expected a refusal saying '" + words + "', got " + reason);
    }

    static Map<String, Object> with(Map<String, Object> claims, String name, Object value) {
        claims.put(name, value);
        return claims;
    }

    @Test
    void aCouncilUsersTokenAndARegionalUsersTokenAreTaken() {
        assertEquals(Optional.empty(), judge(council()));
        assertEquals(Optional.empty(), judge(with(council(), Claims.AUTHORITY, "e10000016")), "codes in any case");
        assertEquals(Optional.empty(), judge(regional(List.of("REGION_ADMIN"))));
        assertEquals(Optional.empty(), judge(regional("REGIONAL_VIEWER")), "one role, not in a list");
        assertEquals(Optional.empty(), judge(regional(List.of("PLANNER"))), "a planner works for a region");
    }

    @Test
    void aTokenNamingNoUserOrAUserNoAuditCouldHoldIsRefused() {
        refused(with(council(), "sub", null), "names no user");
        refused(with(council(), "sub", "   "), "names no user");
        assertEquals(Optional.empty(), judge(with(council(), "sub", "x".repeat(256))));
        refused(with(council(), "sub", "x".repeat(257)), "its user (claim 'sub') is longer than 256 characters");
        refused(with(council(), "sub", "kent\u0000lead"), "its user (claim 'sub') contains a control character");
    }

    @Test
    void aTokenWithoutItsTimesOrLastingLongerThanTwelveHoursIsRefusedToTheSecond() {
        refused(with(council(), "exp", null), "has no expiry");
        refused(with(council(), "exp", "tomorrow"), "has no expiry");
        refused(with(council(), "iat", null), "does not say when it was issued");
        assertEquals(Optional.empty(), judge(with(council(), "exp", NOW.plus(Duration.ofHours(12)).getEpochSecond())));
        refused(with(council(), "exp", NOW.plus(Duration.ofHours(12)).plusSeconds(1).getEpochSecond()),
                "longer than the most a token may (12 hours)");
    }

    @Test
    void aTokenFromMoreThanAMinuteAheadIsRefusedAndOneAMinuteAheadIsTaken() {
        Instant minuteAhead = NOW.plusSeconds(60);
        assertEquals(Optional.empty(), judge(with(with(council(), "iat", minuteAhead.getEpochSecond()), "exp", minuteAhead.plusSeconds(60).getEpochSecond())));
        refused(with(council(), "iat", minuteAhead.plusSeconds(1).getEpochSecond()), "issued in the future (claim 'iat' 2026-12-07T10:01:01Z)");
        assertEquals(Optional.empty(), judge(with(council(), "nbf", minuteAhead.getEpochSecond())));
        refused(with(council(), "nbf", minuteAhead.plusSeconds(1).getEpochSecond()), "not valid until 2026-12-07T10:01:01Z (claim 'nbf')");
    }

    @Test
    void timesAreReadAsTheJwtLibraryGivesThem() {
        assertEquals(Optional.empty(), judge(with(with(council(), "iat", Date.from(NOW)), "exp", NOW.plusSeconds(3600))));
        refused(with(with(council(), "iat", Date.from(NOW)), "exp", NOW.plus(Duration.ofHours(13))), "longer than the most");
    }

    @Test
    void aUserActsForOneAuthorityOrOneRegionNeverBothOrNeither() {
        refused(with(council(), Claims.REGION, "E12000008"), "names both an authority and a region");
        Map<String, Object> neither = council();
        neither.remove(Claims.AUTHORITY);
        refused(neither, "names neither an authority nor a region");
        refused(with(council(), Claims.AUTHORITY, " "), "names neither an authority nor a region");
    }

    @Test
    void theAuthorityMustBeACurrentEnglishCouncilAndItsUsersHoldNoRegionalRole() {
        refused(with(council(), Claims.AUTHORITY, "W06000015"), "authority 'W06000015' is not an English local authority code");
        refused(with(council(), Claims.AUTHORITY, "E10000021"), "authority 'E10000021' (Northamptonshire) no longer exists");
        assertEquals(Optional.empty(), judge(with(council(), Claims.AUTHORITY, "E06000061")), "its successor signs in");
        refused(with(council(), Role.CLAIM, List.of("AUTHORITY_VIEWER", "REGION_ADMIN")), "a council user cannot hold the regional roles");
        refused(with(council(), Role.CLAIM, "REGIONAL_VIEWER"), "a council user cannot hold the regional roles");
    }

    @Test
    void theRegionMustBeAnEnglishRegionAndItsUsersHoldARegionalRoleAndNoCouncilOne() {
        refused(with(regional(List.of("REGION_ADMIN")), Claims.REGION, "W92000004"), "region 'W92000004' is not an English region code");
        assertEquals(Optional.empty(), judge(with(regional(List.of("REGION_ADMIN")), Claims.REGION, "e12000008")), "codes in any case");
        refused(regional(List.of("REGION_ADMIN", "REFERENCE_OFFICER")), "a regional user cannot hold the council roles");
        refused(regional(List.of()), "a region claim needs a regional role");
        refused(regional(null), "a region claim needs a regional role");
        refused(regional(List.of("SUPERUSER")), "a region claim needs a regional role");
    }
}

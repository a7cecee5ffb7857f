package exchange.workforce.config;

import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.Tokens;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static exchange.workforce.support.ReturnFixtures.figure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With the service's clock on 1 October 2026, the day every rule reads is that day, not the machine's: a return for the
 * quarter that began that day is accepted and one for the month after is refused; a leaver on that day is recorded and
 * one the day after is in the future; the agency page's quarter is 2026-Q4.
 */
@MicronautTest(transactional = false)
class TheDayComesFromTheOneClockTest extends PlatformTest {

    final String kent = Tokens.authorityUser("kent-lead", "E10000016", Role.AUTHORITY_SUBMITTER);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("wfx.test.today", "2026-10-01");
        return properties;
    }

    private static Map<String, Object> ret(String type, String period) {
        Map<String, Object> body = new HashMap<>();
        body.put("periodType", type);
        body.put("period", period);
        body.put("values", List.of(figure("agency_spend", 1200)));
        return body;
    }

    @Test
    void aReturnIsAcceptedFromTheFirstDayOfItsPeriodAndNotBefore() {
        assertEquals(201, api.post("/api/v1/returns", kent, ret("QUARTER", "2026-Q4")).status(), "the quarter began today");
        assertEquals(201, api.post("/api/v1/returns", kent, ret("MONTH", "2026-10")).status(), "so did the month");
        Api.Answer early = api.post("/api/v1/returns", kent, ret("MONTH", "2026-11"));
        assertEquals(422, early.status(), early.body());
        assertTrue(early.body().contains("the period 2026-11 has not started yet (it starts on 2026-11-01)"), early.body());
    }

    @Test
    void aLeaverOnTodayIsRecordedAndTomorrowIsInTheFuture() {
        assertEquals(201, api.post("/api/v1/agency/leavers", kent, Map.of("registrationNumber", "SW700001", "leftOn", "2026-10-01",
                "role", "SOCIAL_WORKER")).status());
        Api.Answer tomorrow = api.post("/api/v1/agency/leavers", kent, Map.of("registrationNumber", "SW700002", "leftOn", "2026-10-02",
                "role", "SOCIAL_WORKER"));
        assertEquals(422, tomorrow.status(), tomorrow.body());
        assertTrue(tomorrow.body().contains("not in the future"), tomorrow.body());
    }

    @Test
    void theAgencyPageOffersTheQuarterOfTheServicesDay() {
        Api.Answer page = api.send(io.micronaut.http.HttpRequest.GET("/agency").bearerAuth(kent).accept("text/html"));
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("/api/v1/agency/returns/2026-Q4.csv"), "the quarter of 1 October 2026");
    }
}

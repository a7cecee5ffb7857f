package exchange.workforce.reminders;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import exchange.workforce.config.Settings;
import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.ReferenceFixtures;
import exchange.workforce.support.Tokens;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static exchange.workforce.support.ReturnFixtures.censusReturn;
import static exchange.workforce.support.ReturnFixtures.kentFigures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reminders through a real SMTP server (GreenMail on loopback, with a user to sign in as), configured the way an
 * operator configures production (WFX_SMTP_*), on 10 November 2026. The South East's returns for the census year 2026
 * are due on 13 November and for the quarter 2026-Q3 were due on 6 November.
 */
@MicronautTest(transactional = false)
class RemindersByEmailTest extends PlatformTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 10);
    static final String KENT = "E10000016";
    static final String SURREY = "E10000030";
    static final String SOUTH_EAST = "E12000008";
    final String seAdmin = Tokens.regionalUser("se-admin", SOUTH_EAST, Role.REGION_ADMIN);
    final String kentLead = Tokens.authorityUser("kent-lead", KENT, Role.AUTHORITY_SUBMITTER);
    final String surreyLead = Tokens.authorityUser("surrey-lead", SURREY, Role.AUTHORITY_SUBMITTER);

    GreenMail smtp;

    @Inject
    Reminders reminders;

    @Override
    public Map<String, String> getProperties() {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        startTheMailServer();
        Map<String, String> environment = Map.of("WFX_SMTP_HOST", "127.0.0.1", "WFX_SMTP_PORT", String.valueOf(port),
                "WFX_SMTP_STARTTLS", "false", "WFX_SMTP_USER", "wfx-mailer", "WFX_SMTP_PASSWORD", "a-long-secret",
                "WFX_SMTP_FROM", "reminders@se-memorandum.gov.uk", "WFX_PUBLIC_URL", "https://workforce.example.gov.uk/");
        Map<String, String> properties = new HashMap<>(super.getProperties());
        Settings.from(name -> Optional.ofNullable(environment.get(name))).serviceProperties()
                .forEach((k, v) -> {
                    if (k.startsWith("javamail") || k.startsWith("micronaut.email") || k.equals("wfx.public-url")) {
                        properties.put(k, String.valueOf(v));
                    }
                });
        properties.put("wfx.test.today", TODAY.toString());
        properties.put("wfx.reminders.scheduled", "false"); // the test runs them, on the days it chooses
        return properties;
    }

    /** Started (again) with the one user the service signs in as. */
    private void startTheMailServer() {
        smtp.start();
        smtp.setUser("reminders@se-memorandum.gov.uk", "wfx-mailer", "a-long-secret");
    }

    /** A message's text, whether sent as one part or several. */
    private static String text(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof jakarta.mail.Multipart parts) {
            return parts.getBodyPart(0).getContent().toString();
        }
        return content.toString();
    }

    @AfterAll
    void stopTheMailServer() {
        smtp.stop();
    }

    private void contact(String token, String name, String email, String responsibility) {
        assertEquals(201, api.post("/api/v1/contacts", token, Map.of("name", name, "email", email, "responsibility", responsibility)).status());
    }

    private void schedule(boolean enabled) {
        Api.Answer set = api.put("/api/v1/region/reminders/schedule", seAdmin, Map.of("enabled", enabled, "returnDueDaysBefore", 7,
                "returnOverdueDaysAfter", 3, "referenceDueDaysBefore", 2, "assignmentEndDaysBefore", 28));
        assertEquals(200, set.status(), set.body());
    }

    private void windows() {
        assertEquals(200, api.put("/api/v1/region/windows/CENSUS_YEAR/2026", seAdmin, Map.of("dueOn", "2026-11-13")).status());
        assertEquals(200, api.put("/api/v1/region/windows/QUARTER/2026-Q3", seAdmin, Map.of("dueOn", "2026-11-06")).status());
    }

    private List<MimeMessage> mailTo(String address) throws Exception {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void membersWithoutTheirReturnAreRemindedOnceBeforeItIsDueAndOnceWhenOverdueAndNotAgainAfterItArrives() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        contact(kentLead, "Kim Kent", "kim@kent.gov.uk", "WORKFORCE_RETURNS");
        contact(surreyLead, "Sam Surrey", "sam@surreycc.gov.uk", "WORKFORCE_RETURNS");
        contact(surreyLead, "Pat Surrey", "pat@surreycc.gov.uk", "REFERENCES"); // not for returns
        windows();
        assertEquals(0, reminders.run(TODAY).queued(), "the region has not turned reminders on");
        assertEquals(0, smtp.getReceivedMessages().length);
        schedule(true);

        Reminders.Run first = reminders.run(TODAY);
        assertEquals(new Reminders.Run(4, 4, 0, 0), first, "Kent and Surrey: the census year due soon, the quarter overdue");
        List<MimeMessage> kim = mailTo("kim@kent.gov.uk");
        assertEquals(2, kim.size());
        MimeMessage due = kim.stream().filter(m -> subject(m).startsWith("Reminder:")).findFirst().orElseThrow();
        assertEquals("Reminder: Kent's workforce return for the census year 2026 is due on 13 November 2026", subject(due));
        String body = text(due).replace("\r\n", "\n");
        assertTrue(body.startsWith("Dear Kim Kent,") && body.contains("https://workforce.example.gov.uk/returns")
                && body.contains("South East memorandum") && body.contains("named you as its contact for workforce returns"), body);
        assertEquals("reminders@se-memorandum.gov.uk", ((jakarta.mail.internet.InternetAddress) due.getFrom()[0]).getAddress());
        MimeMessage overdue = kim.stream().filter(m -> subject(m).startsWith("Overdue:")).findFirst().orElseThrow();
        assertEquals("Overdue: Kent's workforce return for the quarter 2026-Q3 was due on 6 November 2026", subject(overdue));
        assertTrue(mailTo("pat@surreycc.gov.uk").isEmpty(), "a contact for references hears nothing about returns");

        assertEquals(new Reminders.Run(0, 0, 0, 0), reminders.run(TODAY), "run again the same day: nothing new");
        assertEquals(new Reminders.Run(0, 0, 0, 0), reminders.run(TODAY.plusDays(1)), "nor the next day: each reminder goes once");
        assertEquals(4, smtp.getReceivedMessages().length);

        // Kent's census return arrives while the mail server is down; Surrey's does not
        smtp.stop();
        assertEquals(201, api.post("/api/v1/returns", kentLead, censusReturn("2026", kentFigures())).status());
        Reminders.Run quarterLater = reminders.run(TODAY.plusDays(20)); // the census year is now overdue: Surrey only
        assertEquals(1, quarterLater.queued());
        assertEquals(1, quarterLater.failed(), "the server is down: it stays queued, with why");
        Api.Answer outbox = api.get("/api/v1/region/reminders", seAdmin);
        assertTrue(outbox.body().contains("\"failure\":\"ConnectException: Connection refused\"") && outbox.body().contains("\"attempts\":1"), outbox.body());
        startTheMailServer();
        Reminders.Run retried = reminders.run(TODAY.plusDays(20));
        assertEquals(1, retried.sent());
        assertEquals(1, mailTo("sam@surreycc.gov.uk").stream().filter(m -> subject(m).contains("census year 2026 was due")).count());
        assertTrue(mailTo("kim@kent.gov.uk").isEmpty(), "Kent's census return arrived: no overdue reminder (the server was restarted empty)");
    }

    @Test
    void aQueuedReminderWhoseReturnArrivesBeforeItCanBeSentIsCancelledSayingSo() throws Exception {
        contact(kentLead, "Kim Kent", "kim@kent.gov.uk", "WORKFORCE_RETURNS");
        windows();
        schedule(true);
        smtp.stop();
        try {
            assertEquals(2, reminders.run(TODAY).failed());
            assertEquals(201, api.post("/api/v1/returns", kentLead, censusReturn("2026", kentFigures())).status());
        } finally {
            startTheMailServer();
        }
        Reminders.Run after = reminders.run(TODAY);
        assertEquals(1, after.cancelled(), "the census year's reminder: the return arrived");
        assertEquals(1, after.sent(), "the quarter's is still overdue");
        Api.Answer outbox = api.get("/api/v1/region/reminders", seAdmin);
        assertTrue(outbox.body().contains("\"cancelReason\":\"the return arrived\""), outbox.body());
        assertEquals(List.of("Overdue: Kent's workforce return for the quarter 2026-Q3 was due on 6 November 2026"),
                mailTo("kim@kent.gov.uk").stream().map(RemindersByEmailTest::subject).toList());
    }

    @Test
    void aCouncilIsRemindedOfAReferenceRequestDueAndAnAssignmentEndingWithoutTheWorkersNumberAndItsRegionDoesNotSeeThem() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        String kentHr = Tokens.authorityUser("kent-hr", KENT, Role.REFERENCE_OFFICER, Role.AUTHORITY_SUBMITTER);
        String surreyHr = Tokens.authorityUser("surrey-hr", SURREY, Role.REFERENCE_OFFICER);
        contact(kentLead, "Rory References", "rory@kent.gov.uk", "REFERENCES");
        contact(kentLead, "Ada Agency", "ada@kent.gov.uk", "AGENCY_COMPLIANCE");
        schedule(true);
        Api.Answer engagement = api.post("/api/v1/references/engagements", surreyHr, ReferenceFixtures.engagement("SW918273"));
        assertEquals(201, engagement.status(), engagement.body());
        Object engagementId = ((Map<?, ?>) engagement.get("engagement")).get("id");
        Map<String, Object> request = new HashMap<>(ReferenceFixtures.request(engagementId, KENT));
        request.put("dueOn", "2026-11-11");
        request.put("consent", Map.of("givenOn", "2026-11-02", "method", "signed application form"));
        Api.Answer asked = api.post("/api/v1/references/requests", surreyHr, request);
        assertEquals(201, asked.status(), asked.body());
        assertEquals(201, api.post("/api/v1/agency/caps", seAdmin, Map.of("roleType", "SOCIAL_WORKER", "hourlyCap", 50.00,
                "effectiveFrom", "2025-04-01", "source", "South East RIIA")).status());
        Map<String, Object> assignment = exchange.workforce.support.AssignmentRows.body("SW900123");
        assignment.put("councilReference", "KCC-AG-0042");
        assignment.put("exceptions", Map.of("REFERENCES", "Two references taken up by the agency; copies on file"));
        Api.Answer recorded = api.post("/api/v1/agency/assignments", kentHr, assignment);
        assertEquals(201, recorded.status(), recorded.body());

        Reminders.Run run = reminders.run(TODAY);
        assertEquals(2, run.sent());
        MimeMessage reference = mailTo("rory@kent.gov.uk").get(0);
        assertEquals("Reminder: a reference request from Surrey is due on 11 November 2026", subject(reference));
        MimeMessage ending = mailTo("ada@kent.gov.uk").get(0);
        assertEquals("Reminder: an agency assignment (KCC-AG-0042) is planned to end on 27 November 2026", subject(ending));
        for (MimeMessage message : smtp.getReceivedMessages()) {
            String all = subject(message) + GreenMailUtil.getWholeMessage(message);
            assertFalse(all.contains("SW918273") || all.contains("SW900123") || all.contains("918273") || all.contains("900123"),
                    "no registration number in an e-mail: " + all);
        }
        assertTrue(text(ending).contains("https://workforce.example.gov.uk/agency/assignments/"), text(ending));
        Api.Answer regionsOutbox = api.get("/api/v1/region/reminders", seAdmin);
        assertFalse(regionsOutbox.body().contains("rory@kent.gov.uk") || regionsOutbox.body().contains("KCC-AG-0042"),
                "the region never sees a council's own reminders: " + regionsOutbox.body());
        assertEquals(new Reminders.Run(0, 0, 0, 0), reminders.run(TODAY));
    }

    @Test
    void onlyTheAdministratorSetsTheScheduleAndADayOutOfRangeIsRefusedSayingWhatWouldDo() {
        Api.Answer viewer = api.put("/api/v1/region/reminders/schedule", Tokens.regionalUser("se-group", SOUTH_EAST, Role.REGIONAL_VIEWER),
                Map.of("enabled", true, "returnDueDaysBefore", 7, "returnOverdueDaysAfter", 3, "referenceDueDaysBefore", 2, "assignmentEndDaysBefore", 28));
        assertEquals(403, viewer.status());
        assertEquals(403, api.get("/api/v1/region/reminders", kentLead).status());
        Api.Answer tooMany = api.put("/api/v1/region/reminders/schedule", seAdmin, Map.of("enabled", true, "returnDueDaysBefore", 365,
                "returnOverdueDaysAfter", 3, "referenceDueDaysBefore", 2, "assignmentEndDaysBefore", 28));
        assertEquals(422, tooMany.status(), tooMany.body());
        assertTrue(tooMany.body().contains("returnDueDaysBefore: 1 to 60 days"), tooMany.body());
        Api.Answer off = api.get("/api/v1/region/reminders/schedule", seAdmin);
        assertEquals(false, off.get("enabled"), "nothing was saved");
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}

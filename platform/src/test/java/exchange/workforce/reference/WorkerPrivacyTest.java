package exchange.workforce.reference;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.ReferenceFixtures;
import exchange.workforce.support.TestDatabase;
import exchange.workforce.support.Tokens;
import exchange.workforce.worker.PseudonymKeys;
import exchange.workforce.worker.PseudonymRotation;
import exchange.workforce.worker.Pseudonymiser;
import exchange.workforce.worker.RegistrationNumber;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The clear registration number reaches neither the database nor the logs; the pseudonym links the worker everywhere. */
@MicronautTest(transactional = false)
class WorkerPrivacyTest extends PlatformTest {

    static final String TYPED = "sw 246 810";
    /** SW246810 however spaced or cased: random ids and pseudonyms do not produce it by chance, as bare digits could. */
    static final String CLEAR_NUMBER = "s\\s*w\\s*2\\s*4\\s*6\\s*8\\s*1\\s*0";


    final String kent = Tokens.authorityUser("kent-hr", "E10000016", Role.REFERENCE_OFFICER);
    final String surrey = Tokens.authorityUser("surrey-hr", "E10000030", Role.REFERENCE_OFFICER);

    /** Kent and Surrey both engage the worker; Kent asks Surrey for a reference; Surrey provides it and reviews a placement. */
    private void fullFlow() {
        Map<?, ?> engagement = (Map<?, ?>) api.post("/api/v1/references/engagements", kent, ReferenceFixtures.engagement(TYPED)).get("engagement");
        api.post("/api/v1/references/engagements", surrey, ReferenceFixtures.engagement("SW246810"));
        String requestId = (String) api.post("/api/v1/references/requests", kent, ReferenceFixtures.request(engagement.get("id"), "E10000030")).get("id");
        api.post("/api/v1/references/requests/incoming/matching", surrey, Map.of("registrationNumber", TYPED));
        assertEquals(201, api.post("/api/v1/references/requests/" + requestId + "/reference", surrey,
                ReferenceFixtures.provide("SW246810", ReferenceFixtures.reference())).status());
        assertEquals(201, api.post("/api/v1/placement-reviews", surrey, ReferenceFixtures.placementReview(TYPED)).status());
        api.post("/api/v1/references/holders", kent, Map.of("registrationNumber", TYPED));
        api.post("/api/v1/references/engagements", kent, ReferenceFixtures.engagement("SW24681X")); // refused: must not echo or log
        // the agency rules: Kent records the worker as a permanent leaver, Surrey checks a proposed assignment
        assertEquals(201, api.post("/api/v1/agency/leavers", kent, Map.of("registrationNumber", TYPED, "leftOn",
                java.time.LocalDate.now().minusDays(7).toString(), "role", "SOCIAL_WORKER")).status());
        Map<String, Object> proposed = new java.util.HashMap<>(Map.of("registrationNumber", TYPED, "roleType", "SOCIAL_WORKER",
                "startDate", java.time.LocalDate.now().toString(), "hourlyPay", 36, "employerNi", 4, "apprenticeshipLevy", 0,
                "holidayPay", 4, "postQualifyingMonths", 48, "noticeWeeks", 4));
        assertEquals(200, api.post("/api/v1/agency/checks", surrey, proposed).status());
        proposed.put("team", "Assessment, Woking");
        proposed.put("agency", "Example Agency Ltd");
        proposed.put("exceptions", Map.of("COOLING_OFF", "agreed by both Directors", "REFERENCES", "requested, due before the start"));
        Api.Answer recorded = api.post("/api/v1/agency/assignments", surrey, proposed);
        assertEquals(201, recorded.status(), recorded.body());
        assertEquals(200, api.get("/api/v1/agency/returns/" + java.time.LocalDate.now().getYear() + "-Q"
                + ((java.time.LocalDate.now().getMonthValue() - 1) / 3 + 1) + ".csv",
                Tokens.authorityUser("surrey-lead", "E10000030", Role.AUTHORITY_SUBMITTER)).status());
        api.post("/api/v1/agency/leavers", kent, Map.of("registrationNumber", "SW24681X", "leftOn", "2026-01-01", "role", "SOCIAL_WORKER"));
        // the same assignment by spreadsheet: a file refused whole (a mistyped number on its second row), then the good row
        String header = "registration_number,role_type,team,agency,start_date,hourly_pay,employer_ni,apprenticeship_levy,holiday_pay,"
                + "post_qualifying_months,notice_weeks,exception_cooling_off,exception_references\r\n";
        String row = TYPED + ",SOCIAL_WORKER,\"Assessment, Woking\",Example Agency Ltd," + java.time.LocalDate.now() + ",36,4,0,4,48,4,"
                + "agreed by both Directors,\"requested, due before the start\"\r\n";
        assertEquals(422, uploadAssignments(header + row + row.replace(TYPED, "SW24681X"), null).status());
        assertEquals(201, uploadAssignments(header + row, "privacy-flow-upload-1").status());
        assertEquals(200, uploadAssignments(header + row, "privacy-flow-upload-1").status(), "a retry, answered from what was kept");
    }

    private Api.Answer uploadAssignments(String csv, String key) {
        var body = io.micronaut.http.client.multipart.MultipartBody.builder().addPart("file", "assignments.csv",
                io.micronaut.http.MediaType.TEXT_PLAIN_TYPE, csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)).build();
        var request = io.micronaut.http.HttpRequest.POST("/api/v1/agency/assignments/uploads", body)
                .contentType(io.micronaut.http.MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(surrey);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return api.send(request);
    }

    @Test
    void theClearNumberIsInNoTableAndNoLogLineAfterAFullFlow() throws SQLException {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        captured.start();
        root.addAppender(captured);
        try {
            fullFlow();
        } finally {
            root.detachAppender(captured);
        }
        assertTrue(captured.list.size() > 5, "the flow was logged (access lines at least)");
        for (ILoggingEvent event : captured.list) {
            String line = event.getFormattedMessage() + " " + event.getMDCPropertyMap()
                    + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
            assertTrue(!java.util.regex.Pattern.compile(CLEAR_NUMBER, java.util.regex.Pattern.CASE_INSENSITIVE).matcher(line).find(),
                    "a log line carries the number: " + line);
        }
        List<String> holding = new ArrayList<>();
        try (Connection owner = TestDatabase.shared().asOwner(); Statement statement = owner.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select tablename from pg_tables where schemaname = 'public'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            assertTrue(tables.containsAll(List.of("engagement", "reference_request", "reference", "placement_review", "audit_event")));
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("select count(*) from " + table + " t where t::text ~* '" + CLEAR_NUMBER + "'")) {
                    rows.next();
                    if (rows.getLong(1) > 0) {
                        holding.add(table);
                    }
                }
            }
        }
        assertEquals(List.of(), holding, "tables holding the clear number");
        // and in no write-ahead log segment of the embedded server (every committed change is written there first)
        java.util.Optional<java.nio.file.Path> data = TestDatabase.embeddedDataDirectory();
        if (data.isPresent()) {
            // a control: a value known to be written is found by the same scan, so an empty answer means something
            try (Connection owner = TestDatabase.shared().asOwner(); Statement statement = owner.createStatement()) {
                statement.execute("insert into audit_event (actor, action, target_type) values ('wal-scan-control-7731', 'TEST', 'test')");
            }
            List<String> segments = new ArrayList<>();
            boolean controlFound = false;
            // PostgreSQL recycles a segment by renaming it: one listed may be gone when read. Then the whole scan starts
            // again from a fresh listing, so no segment is left unread (a flaky skip would hide a leak)
            for (int attempt = 1; ; attempt++) {
                segments.clear();
                controlFound = false;
                try (var files = Files.list(data.get().resolve("pg_wal"))) {
                    for (java.nio.file.Path segment : files.filter(Files::isRegularFile).toList()) {
                        String bytes = new String(Files.readAllBytes(segment), java.nio.charset.StandardCharsets.ISO_8859_1);
                        if (java.util.regex.Pattern.compile(CLEAR_NUMBER, java.util.regex.Pattern.CASE_INSENSITIVE).matcher(bytes).find()) {
                            segments.add(segment.getFileName().toString());
                        }
                        controlFound |= bytes.contains("wal-scan-control-7731");
                    }
                    break;
                } catch (java.nio.file.NoSuchFileException recycled) {
                    if (attempt == 5) {
                        throw new AssertionError("WAL segments kept being recycled during five scans", recycled);
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            assertTrue(controlFound, "the scan reads the WAL: the control value written just now is found");
            assertEquals(List.of(), segments, "WAL segments holding the clear number");
        }
    }

    @Test
    void twoAuthoritiesEnteringTheSameNumberGetTheSamePseudonymAndRotationKeepsEveryLink() throws Exception {
        fullFlow();
        assertEquals(1, distinctPseudonyms(), "Kent's and Surrey's rows name the same worker");

        Path keyFile = Files.createTempFile("rotated-keys", ".properties");
        Properties keys = new Properties();
        try (var in = Files.newBufferedReader(Tokens.pseudonymKeyFile())) {
            keys.load(in);
        }
        keys.setProperty("2", Base64.getEncoder().encodeToString("the second key, thirty-two bytes".getBytes()));
        try (var out = Files.newBufferedWriter(keyFile)) {
            keys.store(out, null);
        }
        Pseudonymiser rotated = new Pseudonymiser(PseudonymKeys.load(keyFile, false));
        int rekeyed = PseudonymRotation.apply(TestDatabase.shared().connection(), rotated);
        assertTrue(rekeyed >= 5, "every row re-keyed: " + rekeyed);

        assertEquals(1, distinctPseudonyms(), "still one worker after rotation");
        try (Connection owner = TestDatabase.shared().asOwner(); Statement statement = owner.createStatement();
             ResultSet rows = statement.executeQuery("select distinct worker_pseudonym, key_version from engagement")) {
            rows.next();
            assertEquals(rotated.pseudonymOf(RegistrationNumber.parse(TYPED, "n")).value(), rows.getString(1),
                    "the stored pseudonym is what the number gives under the new key");
            assertEquals(2, rows.getInt(2));
        }
        assertEquals(0, PseudonymRotation.apply(TestDatabase.shared().connection(), rotated), "rotating again changes nothing");
    }

    private long distinctPseudonyms() throws SQLException {
        try (Connection owner = TestDatabase.shared().asOwner(); Statement statement = owner.createStatement();
             ResultSet rows = statement.executeQuery("""
                     select count(distinct worker_pseudonym) from (
                         select worker_pseudonym from engagement union all select worker_pseudonym from reference_request
                         union all select worker_pseudonym from reference union all select worker_pseudonym from placement_review
                         union all select worker_pseudonym from agency_leaver) w""")) {
            rows.next();
            return rows.getLong(1);
        }
    }

}

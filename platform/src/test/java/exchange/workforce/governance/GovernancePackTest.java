package exchange.workforce.governance;

import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.Fixtures;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.ReferenceFixtures;
import exchange.workforce.support.Tokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A region's data protection officer reads the pack, sees it follow the recorded terms, and downloads it to edit. */
@MicronautTest(transactional = false)
class GovernancePackTest extends PlatformTest {

    static final String SOUTH_EAST = "E12000008";
    static final String KENT = "E10000016";
    final String seAdmin = Tokens.regionalUser("se-admin", SOUTH_EAST, Role.REGION_ADMIN);

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Api.Answer pack, String id) {
        return ((List<Map<String, Object>>) pack.get("sections")).stream().filter(s -> id.equals(s.get("id"))).findFirst().orElseThrow();
    }

    @Test
    void everyStatementComesFromTheRecordedTermsAndChangingARetentionPeriodChangesThePack() {
        Api.Answer before = api.get("/api/v1/region/governance-pack", seAdmin);
        assertEquals(200, before.status(), before.body());
        assertEquals(List.of("data-flows", "dpia", "retention", "privacy-notice", "record-of-processing", "audit-summary"),
                ((List<Map<String, Object>>) (List<?>) before.get("sections")).stream().map(s -> s.get("id")).toList());
        Map<String, Object> retention = section(before, "retention");
        assertEquals("84", ((Map<?, ?>) retention.get("derivedFrom")).get("retentionReturnsMonths"), "the seeded terms: 84 months");
        assertTrue(retention.get("table").toString().contains("Workforce returns and their figures, 84 months"), retention.toString());
        assertTrue(section(before, "privacy-notice").toString().contains("references and reviews 72 months"));

        Map<String, Object> terms = new HashMap<>(Fixtures.newTerms(LocalDate.now().toString(), 3));
        terms.put("retentionReturnsMonths", 60);
        terms.put("retentionReferencesMonths", 36);
        terms.put("smallCountThreshold", 10);
        terms.put("dsaPurpose", "Regional workforce planning and the memorandum's reference standard");
        Api.Answer versioned = api.post("/api/v1/region/terms", seAdmin, terms);
        assertEquals(201, versioned.status(), versioned.body());

        Api.Answer after = api.get("/api/v1/region/governance-pack", seAdmin);
        assertEquals(2, ((Number) after.get("termsVersion")).intValue());
        Map<String, Object> changed = section(after, "retention");
        assertEquals("60", ((Map<?, ?>) changed.get("derivedFrom")).get("retentionReturnsMonths"));
        assertTrue(changed.get("table").toString().contains("Workforce returns and their figures, 60 months"), changed.toString());
        assertTrue(section(after, "privacy-notice").toString().contains("references and reviews 36 months"));
        assertTrue(section(after, "data-flows").toString().contains("counts below 10 suppressed"));
        assertTrue(section(after, "dpia").toString().contains("Purpose: Regional workforce planning and the memorandum's reference standard."));
        assertTrue(section(after, "record-of-processing").toString().contains("Kent") , "the controllers are the members");
    }

    @Test
    void theAuditSummaryCountsWorkerLevelReadsByCouncilAndThePrivacyNoticeNamesTheDataProtectionContacts() {
        String kentHr = Tokens.authorityUser("kent-hr", KENT, Role.REFERENCE_OFFICER);
        Api.Answer engagement = api.post("/api/v1/references/engagements", kentHr, ReferenceFixtures.engagement("SW123456"));
        assertEquals(201, engagement.status(), engagement.body());
        Object id = ((Map<?, ?>) engagement.get("engagement")).get("id");
        assertEquals(200, api.get("/api/v1/references/engagements/" + id, kentHr).status());
        assertEquals(201, api.post("/api/v1/contacts", Tokens.authorityUser("kent-lead", KENT, Role.AUTHORITY_SUBMITTER),
                Map.of("name", "Dee Protection", "email", "dpo@kent.gov.uk", "responsibility", "DATA_PROTECTION")).status());
        Api.Answer pack = api.get("/api/v1/region/governance-pack", seAdmin);
        String audit = section(pack, "audit-summary").get("table").toString();
        assertTrue(audit.matches(".*\\[Kent, An engagement \\(a worker being engaged\\), \\d+, 1\\].*"), "read by one person at Kent: " + audit);
        assertFalse(audit.contains("SW123456"));
        assertTrue(section(pack, "privacy-notice").toString().contains("Dee Protection (dpo@kent.gov.uk)"));
    }

    @Test
    void theWordDocumentHasHeadingsTablesAndWhereEachSectionCameFromAndOnlyTheRegionsOwnUsersGetIt() throws Exception {
        HttpResponse<byte[]> response = http.toBlocking().exchange(HttpRequest.GET("/api/v1/region/governance-pack.docx").bearerAuth(seAdmin)
                .accept(GovernanceDocument.TYPE), byte[].class);
        assertEquals(200, response.code());
        assertTrue(response.header("Content-Disposition").contains("governance-pack-E12000008-"));
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(response.body()))) {
            List<String> headings = document.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyle())).map(XWPFParagraph::getText).toList();
            assertEquals(List.of("Data-flow map", "Data protection impact assessment (draft, following the ICO's template)", "Retention schedule",
                    "Privacy notice for social workers", "Record of processing activities (UK GDPR Article 30)", "Who read worker-level records"), headings);
            assertTrue(document.getTables().size() >= 3);
            String text = new XWPFWordExtractor(document).getText();
            assertTrue(text.contains("Written from: retentionReturnsMonths = 84") && text.contains("Step 7. Sign off and record outcomes"), text);
        }
        assertEquals(403, api.get("/api/v1/region/governance-pack", Tokens.authorityUser("kent-lead", KENT, Role.AUTHORITY_SUBMITTER)).status());
        Api.Answer east = api.get("/api/v1/region/governance-pack", Tokens.regionalUser("eoe-admin", "E12000006", Role.REGION_ADMIN));
        assertEquals("E12000006", east.get("regionCode"), "another region gets its own pack, never the South East's");
    }
}

package exchange.workforce.board;

import exchange.workforce.identity.Role;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.TestDatabase;
import exchange.workforce.support.Tokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A regional DCS group downloads its quarterly report to the board and reads it back as a PDF reader and a screen reader would. */
@MicronautTest(transactional = false)
class BoardReportTest extends PlatformTest {

    static final String SOUTH_EAST = "E12000008";
    final String seGroup = Tokens.regionalUser("se-group", SOUTH_EAST, Role.REGIONAL_VIEWER);

    private HttpResponse<byte[]> pdf(String uri, String token) {
        return http.toBlocking().exchange(HttpRequest.GET(uri).bearerAuth(token).accept(BoardReportPdf.TYPE), byte[].class);
    }

    @Test
    void theReportPrintsOnA4WithEveryFontEmbeddedAndTagsAScreenReaderCanFollow() throws Exception {
        TestDatabase.shared().importWorkforceIndicators();
        HttpResponse<byte[]> response = pdf("/api/v1/region/board-report?period=2026-Q3", seGroup);
        assertEquals(200, response.code());
        assertEquals("application/pdf", response.getContentType().orElseThrow().toString());
        assertTrue(response.header("Content-Disposition").contains("board-report-E12000008-2026-Q3.pdf"));
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/screenshots/board-report.pdf"), response.body()); // to look at
        try (PDDocument document = Loader.loadPDF(response.body())) {
            java.awt.image.BufferedImage first = new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 60);
            javax.imageio.ImageIO.write(first, "png", java.nio.file.Path.of("target/screenshots/board-report-page-1.png").toFile());
            for (PDPage page : document.getPages()) {
                assertEquals(595, Math.round(page.getMediaBox().getWidth()), "A4 wide");
                assertEquals(842, Math.round(page.getMediaBox().getHeight()), "A4 high");
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded(), font.getName() + " is embedded");
                }
            }
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertTrue(text.contains("South East memorandum: report to the board, July to September 2026"), text);
            assertTrue(text.contains("Headline figures") && text.contains("Each member against the region and England")
                    && text.contains("Kent") && text.contains("England") && text.contains("Returns for the quarter")
                    && text.contains("Did the memorandum move the agency rate?"), text);
            assertTrue(text.contains("References No reference request to a member was due in July to September 2026."), text);
            assertTrue(text.contains("Social workers against demand") && text.contains("(forecast)"), "the region's supply against demand: " + text);
            assertTrue(document.getDocumentCatalog().getMarkInfo() != null && document.getDocumentCatalog().getMarkInfo().isMarked(), "marked");
            assertEquals("en-GB", document.getDocumentCatalog().getLanguage());
            assertEquals("South East memorandum: report to the board, July to September 2026", document.getDocumentInformation().getTitle());
            Set<String> tags = new HashSet<>();
            collect(document.getDocumentCatalog().getStructureTreeRoot(), tags);
            assertTrue(tags.containsAll(Set.of("H1", "H2", "Table", "TR", "TH", "TD", "L", "LI", "P")), "structure tags: " + tags);
        }
    }

    @Test
    void namesPrintAsWrittenInWelshPolishAndOtherAlphabetsWithTheEmbeddedFont() throws Exception {
        String names = "Cyngor Sir Ynys Môn, Ŵyn ap Siôn, Łucja Wójcik-Żółtowska, Zoë Ó Súilleabháin, Ærøskøbing";
        byte[] pdf = BoardReportPdf.render("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\" /><title>Names</title>"
                + "<style>body { font-family: 'Liberation Sans'; }</style></head><body><p>" + names + "</p></body></html>");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(names, new PDFTextStripper().getText(document).trim());
        }
    }

    @Test
    void onlyTheRegionsOwnUsersGetItAndAQuarterNotYetBegunIsRefusedSayingWhichToAskFor() {
        assertEquals(403, assertThrows(HttpClientResponseException.class, () -> pdf("/api/v1/region/board-report",
                Tokens.authorityUser("kent-lead", "E10000016", Role.AUTHORITY_SUBMITTER, Role.AUTHORITY_VIEWER))).getStatus().getCode());
        HttpClientResponseException future = assertThrows(HttpClientResponseException.class, () -> pdf("/api/v1/region/board-report?period=2031-Q1", seGroup));
        assertEquals(422, future.getStatus().getCode());
        assertTrue(future.getResponse().getBody(String.class).orElse("").contains("has not begun"));
        var page = api.send(HttpRequest.GET("/region/board-report?period=last-summer").accept(io.micronaut.http.MediaType.TEXT_HTML_TYPE)
                .cookie(io.micronaut.http.cookie.Cookie.of(exchange.workforce.web.SessionCookie.NAME, session(seGroup))));
        assertEquals(422, page.status());
        assertTrue(page.body().contains("There is a problem") && page.body().contains("Give a quarter as YYYY-Qn"),
                "a quarter that is none is an error on the page, above the last whole quarter's report: " + page.body());
        HttpResponse<byte[]> east = pdf("/api/v1/region/board-report", Tokens.regionalUser("eoe-group", "E12000006", Role.REGIONAL_VIEWER));
        assertTrue(east.header("Content-Disposition").contains("board-report-E12000006-"), "another region gets its own report");
    }

    @Test
    void howQuicklyMembersAnsweredReferenceRequestsIsCountedWithoutNamingAnyRequestOrWorker() throws Exception {
        String surreyHr = Tokens.authorityUser("surrey-hr", "E10000030", Role.REFERENCE_OFFICER);
        String kentHr = Tokens.authorityUser("kent-hr", "E10000016", Role.REFERENCE_OFFICER);
        var engagement = api.post("/api/v1/references/engagements", surreyHr, exchange.workforce.support.ReferenceFixtures.engagement("SW246810"));
        Object engagementId = ((java.util.Map<?, ?>) engagement.get("engagement")).get("id");
        java.util.Map<String, Object> ask = new java.util.HashMap<>(exchange.workforce.support.ReferenceFixtures.request(engagementId, "E10000016"));
        ask.put("dueOn", "2026-12-30");
        var request = api.post("/api/v1/references/requests", surreyHr, ask);
        assertEquals(201, request.status(), request.body());
        var provided = api.post("/api/v1/references/requests/" + request.get("id") + "/reference", kentHr,
                exchange.workforce.support.ReferenceFixtures.provide("SW246810", exchange.workforce.support.ReferenceFixtures.reference()));
        assertEquals(201, provided.status(), provided.body());
        HttpResponse<byte[]> response = pdf("/api/v1/region/board-report?period=2026-Q4", seGroup);
        try (PDDocument document = Loader.loadPDF(response.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertTrue(text.contains("Kent 1 1 1 0 0.0 days"), "Kent was asked once and answered on time: " + text);
            assertTrue(!text.contains("SW246810") && !text.contains("Surrey 1"), "no worker, and the council asking is not named");
        }
    }

    private static void collect(PDStructureNode node, Set<String> tags) {
        if (node == null) {
            return;
        }
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                tags.add(element.getStructureType());
                collect(element, tags);
            }
        }
    }
}

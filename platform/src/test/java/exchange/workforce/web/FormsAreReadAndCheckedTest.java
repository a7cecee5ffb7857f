package exchange.workforce.web;

import exchange.workforce.identity.Role;
import exchange.workforce.support.Api;
import exchange.workforce.support.PlatformTest;
import exchange.workforce.support.Tokens;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page's form is a record read by one reader and checked by the framework's validator: what was typed comes back
 * with one error a box, in the order of the form, in words; a date is three boxes; nothing typed is nothing.
 */
@MicronautTest(transactional = false)
class FormsAreReadAndCheckedTest extends PlatformTest {

    @Introspected
    record Sample(@NotNull(message = "Enter a name") @Size(max = 5, message = "A name has at most 5 letters") String name,
                  @DateGiven(message = "Enter the date it starts") @RealDate(message = "The date it starts must be a real date, for example 27 3 2026")
                  DateInput startsOn,
                  @Pattern(regexp = "\\d+", message = "Enter a whole number") String count,
                  List<String> ticked,
                  Map<String, String> answers) implements Form {
    }

    @Introspected
    record Amounts(@Decimal(message = "Enter the rate as a number, for example 42.50") String rate,
                   @WholeNumber(message = "Enter a number of weeks from 0 to 52", min = 0, max = 52) String weeks,
                   @FieldName("return-area") String area) implements Form {
    }

    @Inject
    FormCheck check;

    @Test
    void numbersAreTypedAsPeopleTypeThemAndCheckedAgainstTheirRange() {
        Amounts typed = FormReader.bind(Amounts.class, Map.of("rate", "£1,250.50", "weeks", "52", "return-area", "E12000008"));
        assertTrue(check.problems(typed).isEmpty(), check.problems(typed).toString());
        assertEquals(new java.math.BigDecimal("1250.50"), FormNumbers.decimal(typed.rate()));
        assertEquals(52, FormNumbers.whole(typed.weeks()));
        assertEquals("E12000008", typed.area(), "a field whose name is not a Java name");
        assertEquals("E12000008", Pages.shown(typed).get("return-area"), "and shown back by it");
        assertEquals(List.of(new FieldError("rate", "Enter the rate as a number, for example 42.50"),
                        new FieldError("weeks", "Enter a number of weeks from 0 to 52")),
                check.problems(FormReader.bind(Amounts.class, Map.of("rate", "forty", "weeks", "53"))));
        assertEquals(List.of(new FieldError("weeks", "Enter a number of weeks from 0 to 52")),
                check.problems(FormReader.bind(Amounts.class, Map.of("rate", "-3", "weeks", "2.5"))), "a whole number has no fraction");
        assertEquals(null, FormNumbers.decimal(" "));
        assertEquals(new java.math.BigDecimal("20"), FormNumbers.decimal("20%"));
    }

    @Test
    void aFormIsItsFieldsByNameWithADateAsThreeBoxesAndEveryOtherFieldAsAnAnswer() {
        Sample sample = FormReader.bind(Sample.class, Map.of("name", " Ada ", "startsOn-day", "7", "startsOn-month", "12",
                "startsOn-year", "2026", "count", "", "ticked", List.of("a", " ", "b"), "csrf", "token", "m1|total", "12"));
        assertEquals("Ada", sample.name(), "trimmed");
        assertEquals(LocalDate.of(2026, 12, 7), sample.startsOn().orNull());
        assertEquals(null, sample.count(), "nothing typed is null, never \"\"");
        assertEquals(List.of("a", "b"), sample.ticked());
        assertEquals(Map.of("m1|total", "12"), sample.answers(), "every field no component names, but the CSRF token");
        assertTrue(check.problems(sample).isEmpty());
    }

    @Test
    void eachBoxGetsItsFirstErrorInTheOrderOfTheForm() {
        Sample wrong = FormReader.bind(Sample.class, Map.of("count", "seven", "startsOn-day", "31", "startsOn-month", "2", "startsOn-year", "2026"));
        assertEquals(List.of(new FieldError("name", "Enter a name"),
                new FieldError("startsOn-day", "The date it starts must be a real date, for example 27 3 2026"),
                new FieldError("count", "Enter a whole number")), check.problems(wrong));
        Sample blank = FormReader.bind(Sample.class, Map.of("name", "Adelaide"));
        assertEquals(List.of(new FieldError("name", "A name has at most 5 letters"), new FieldError("startsOn-day", "Enter the date it starts")),
                check.problems(blank));
        assertTrue(FormReader.bind(Sample.class, Map.of("startsOn-year", "26", "startsOn-month", "1", "startsOn-day", "1")).startsOn().date().isEmpty(),
                "a year is four digits");
    }

    @Test
    void whatWasTypedIsShownBackWithItsErrorsBesideTheBoxes() {
        Sample wrong = FormReader.bind(Sample.class, Map.of("name", "Adelaide", "startsOn-day", "31", "m1|total", "x"));
        Entered entered = Entered.of(wrong, check.problems(wrong));
        Map<String, Object> form = entered.form();
        assertEquals("Adelaide", form.get("name"));
        assertEquals("31", form.get("startsOn-day"));
        assertEquals("x", form.get("m1|total"));
        assertEquals("A name has at most 5 letters", entered.fieldErrors().get("name"));
    }

    @Test
    void aRegionsAdministratorIsToldWhatIsWrongWithTheScheduleAndKeepsWhatWasTyped() {
        String session = session(Tokens.regionalUser("se-admin", "E12000008", Role.REGION_ADMIN));
        String form = "csrf=" + Csrf.forSession(session) + "&enabled=true&returnDueDaysBefore=seven&returnOverdueDaysAfter=3"
                + "&referenceDueDaysBefore=&assignmentEndDaysBefore=14";
        Api.Answer page = api.send(HttpRequest.POST("/region/reminders", form).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .accept(MediaType.TEXT_HTML_TYPE).cookie(Cookie.of(SessionCookie.NAME, session)));
        assertEquals(422, page.status(), page.body());
        String body = page.body();
        assertTrue(body.contains("<title>Error: Reminders"), "the title says there is an error");
        int first = body.indexOf("href=\"#returnDueDaysBefore\"");
        int second = body.indexOf("href=\"#referenceDueDaysBefore\"");
        assertTrue(first > 0 && second > first, "one error a box, in the order of the form: " + body);
        assertTrue(body.contains("value=\"seven\""), "what was typed is shown back");

        Api.Answer saved = api.send(HttpRequest.POST("/region/reminders", form.replace("seven", "7").replace("referenceDueDaysBefore=&", "referenceDueDaysBefore=5&"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML_TYPE).cookie(Cookie.of(SessionCookie.NAME, session)));
        assertEquals(200, saved.status(), "saved, then the page again");
        assertFalse(saved.body().contains("There is a problem"), saved.body());
        assertTrue(saved.body().contains("value=\"5\""));
    }

    @Test
    void aFileUploadIsTakenOnlyWithThisBrowsersTokenInItsAddress() {
        String session = session(Tokens.authorityUser("kent-lead", "E10000016", Role.AUTHORITY_SUBMITTER));
        java.util.function.Function<String, Api.Answer> upload = address -> api.send(HttpRequest.POST(address,
                        io.micronaut.http.client.multipart.MultipartBody.builder().addPart("file", "return.csv", MediaType.TEXT_PLAIN_TYPE,
                                "not a return".getBytes(java.nio.charset.StandardCharsets.UTF_8)).addPart("csrf", Csrf.forSession(session)).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).accept(MediaType.TEXT_HTML_TYPE).cookie(Cookie.of(SessionCookie.NAME, session)));
        Api.Answer inTheBodyOnly = upload.apply("/returns/upload");
        assertEquals(403, inTheBodyOnly.status(), "a token in the body is not read: the page puts it in the address");
        assertTrue(inTheBodyOnly.body().contains("This form has expired"));
        assertEquals(403, upload.apply("/returns/upload?csrf=someone-elses").status());
        Api.Answer withToken = upload.apply("/returns/upload?csrf=" + Csrf.forSession(session));
        assertEquals(422, withToken.status(), "reaches the handler, which reads the file: " + withToken.body());

        Api.Answer page = api.send(HttpRequest.GET("/returns/upload").accept(MediaType.TEXT_HTML_TYPE).cookie(Cookie.of(SessionCookie.NAME, session)));
        assertTrue(page.body().contains("action=\"/returns/upload?csrf=" + Csrf.forSession(session) + "\""), "the page's form carries it");
    }
}

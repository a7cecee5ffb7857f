package exchange.workforce.web;

import io.micronaut.core.annotation.Introspected;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page's view model is a record: its template reads each component by name, the layout's and the entered form's
 * beside them, so a page says in one type everything its template may show.
 */
class ViewModelsAreTheTemplatesVariablesTest {

    static final Layout LAYOUT = new Layout("Reminders", "token", "se-admin", "South East region", List.of(), 1800L);

    record Plain(Layout layout, boolean admin, List<String> reminders) implements PageView {
    }

    record WithForm(Layout layout, Entered entered, String heading) implements PageView {
    }

    record FileRefused(Layout layout, Entered entered, List<Map<String, Object>> errors) implements PageView {
    }

    @Introspected
    record Named(String name) implements Form {
    }

    @Test
    void aPagesVariablesAreItsComponentsWithItsLayoutsBesideThem() {
        Map<String, Object> variables = Html.variables(new Plain(LAYOUT, true, List.of("Kent's return is due")));
        assertEquals("Reminders", variables.get("title"));
        assertEquals("token", variables.get("csrf"));
        assertEquals("se-admin", variables.get("user"));
        assertEquals("South East region", variables.get("organisation"));
        assertEquals(1800L, variables.get("sessionIdleSeconds"));
        assertEquals(true, variables.get("admin"));
        assertEquals(List.of("Kent's return is due"), variables.get("reminders"));
        assertEquals(Map.of(), variables.get("form"), "a page without a form has an empty one, for the layout's error summary");
        assertEquals(List.of(), variables.get("errors"));
        assertEquals(Map.of(), variables.get("fieldErrors"));
    }

    @Test
    void aFormsAnswersAndErrorsAreSetBesideThePagesOwn() {
        Entered entered = Entered.of(new Named("Ada"), List.of(new FieldError("name", "Enter a shorter name")));
        Map<String, Object> variables = Html.variables(new WithForm(LAYOUT.titled("Error: Reminders"), entered, "Reminders"));
        assertEquals("Error: Reminders", variables.get("title"));
        assertEquals("Ada", ((Map<?, ?>) variables.get("form")).get("name"));
        assertEquals(List.of(new FieldError("name", "Enter a shorter name")), variables.get("errors"));
        assertEquals("Enter a shorter name", ((Map<?, ?>) variables.get("fieldErrors")).get("name"));
        assertEquals("Reminders", variables.get("heading"));
        assertNull(variables.get("layout"), "a part is set by its components, not as itself");
    }

    @Test
    void aComponentDeclaredLaterSetsAVariableAgain() {
        List<Map<String, Object>> rows = List.of(Pages.row("link", "file", "message", "Row 3, left_on: not a date"));
        Map<String, Object> variables = Html.variables(new FileRefused(LAYOUT, Entered.NOTHING, rows));
        assertEquals(rows, variables.get("errors"), "a file's problems, in the rows its summary reads, over the form's empty list");
        assertTrue(Entered.of(new Named("Ada"), List.of(), "name").form().isEmpty(), "a box named never shown back is left out");
    }
}

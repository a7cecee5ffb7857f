package exchange.workforce.web;

import java.util.List;

/**
 * What every page's layout shows (layout.html): its title, who is signed in and for which council or region (null and
 * "" before sign-in), the navigation their roles open, the CSRF token for its forms, and how long the session lasts
 * unused (for the timeout warning). Made by {@link Pages}.
 */
public record Layout(String title, String csrf, String user, String organisation, List<Pages.Link> navigation, Long sessionIdleSeconds) implements ViewPart {

    /** The same layout under another title (a page whose title says "Error: " once its form is refused, say). */
    public Layout titled(String other) {
        return new Layout(other, csrf, user, organisation, navigation, sessionIdleSeconds);
    }
}

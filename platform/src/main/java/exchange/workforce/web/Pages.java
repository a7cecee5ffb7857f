package exchange.workforce.web;

import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Role;
import exchange.workforce.tenancy.Authority;
import exchange.workforce.tenancy.Regions;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every page's layout needs ({@link Layout}): its title, who is signed in (and for which council or region), the
 * navigation their roles open, and the CSRF token for its forms; and the helpers pages share to build their views.
 */
@Singleton
public class Pages {

    /** A navigation item; {@code current} marks the page the user is on. */
    public record Link(String href, String label, boolean current) {
    }

    private final Regions regions;
    private final Navigation navigation;

    private final long sessionIdleSeconds;

    public Pages(Regions regions, Navigation navigation, Sessions sessions) {
        this.regions = regions;
        this.navigation = navigation;
        this.sessionIdleSeconds = sessions.idle().toSeconds();
    }

    /** Stand-ins for what differs between people who share a page: replaced by {@link SharedPage} after rendering. */
    public static final String USER_PLACEHOLDER = "wfx-person-user-5c1d0b";
    public static final String CSRF_PLACEHOLDER = "wfx-person-csrf-5c1d0b";

    /** The layout of a page for this signed-in caller. */
    public Layout layout(HttpRequest<?> request, Caller caller, String title) {
        String organisation = caller.authorityCode().flatMap(regions::authority).map(Authority::name)
                .or(() -> caller.regionCode().flatMap(regions::regionName).map(name -> name + " region")).orElse("");
        // the page warns before the session ends unused (the timeout dialog in layout.html, run by wfx.js)
        return new Layout(title, Csrf.token(request), caller.user(), organisation, navigation.links(caller, request.getPath()), sessionIdleSeconds);
    }

    /**
     * The layout of a page rendered once and served to everyone with the same view of it: its user and form token are
     * placeholders, which {@link SharedPage} replaces with each person's.
     */
    public Layout sharedLayout(HttpRequest<?> request, Caller caller, String title) {
        Layout layout = layout(request, caller, title);
        return new Layout(title, CSRF_PLACEHOLDER, USER_PLACEHOLDER, layout.organisation(), layout.navigation(), layout.sessionIdleSeconds());
    }

    /** The layout of a page before sign-in. */
    public static Layout anonymousLayout(HttpRequest<?> request, String title) {
        return new Layout(title, Csrf.token(request), null, null, List.of(), null);
    }

    /**
     * A row for a template: keys and values in turn. A mutable public map class, because templates read it by
     * reflection and {@code Map.of}'s classes are not public.
     */
    public static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    /** A form's answers by the names of their boxes, as the page puts them back: a date as its three boxes, keyed answers as they came. */
    public static Map<String, Object> shown(Form form) {
        Map<String, Object> values = new HashMap<>();
        for (java.lang.reflect.RecordComponent component : form.getClass().getRecordComponents()) {
            Object value;
            try {
                java.lang.reflect.Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                value = accessor.invoke(form);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            String name = FormReader.name(component);
            if (value instanceof DateInput date) {
                values.put(name + "-day", date.day());
                values.put(name + "-month", date.month());
                values.put(name + "-year", date.year());
            } else if (value instanceof Map<?, ?> keyed) {
                keyed.forEach((k, v) -> values.put(String.valueOf(k), v));
            } else if (value != null) {
                values.put(name, value);
            }
        }
        return values;
    }

    /** Where a role starts: a planner at forecasts, a submitter at their returns, a council viewer or planner at their council, regions at the dashboard. */
    public static String landing(Caller caller) {
        if (caller.has(Role.PLANNER) && caller.roles().size() == 1) {
            return "/forecasts";
        }
        if (caller.regionCode().isPresent()) {
            return "/dashboard";
        }
        if (caller.has(Role.AUTHORITY_SUBMITTER)) {
            return "/returns";
        }
        if (caller.has(Role.AUTHORITY_VIEWER) || caller.has(Role.PLANNER)) {
            return "/council";
        }
        return "/references";
    }
}

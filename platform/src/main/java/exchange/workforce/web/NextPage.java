package exchange.workforce.web;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * The page to open after signing in: the one a signed-out browser asked for (a bookmark, or a page open when its session
 * ended). Only a page of this service is taken — a path on this site, never another site's address (no scheme, no
 * {@code //} host, no backslash), never the API, sign-in or sign-out themselves — so the sign-in page cannot be used
 * to send someone elsewhere.
 */
final class NextPage {

    private static final int LONGEST = 2000;
    private static final List<String> NOT_AFTER_SIGN_IN = List.of("/sign-in", "/sign-out", "/signed-out", "/api/", "/session/");

    private NextPage() {
    }

    /** The path and query to go to, or null for none that may be followed. */
    @Nullable
    static String safe(@Nullable String asked) {
        if (asked == null || asked.isEmpty() || asked.length() > LONGEST || !asked.startsWith("/") || asked.startsWith("//")
                || asked.contains("\\") || asked.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return null;
        }
        if (asked.equals("/") || NOT_AFTER_SIGN_IN.stream().anyMatch(asked::startsWith)) {
            return null;
        }
        return asked;
    }
}

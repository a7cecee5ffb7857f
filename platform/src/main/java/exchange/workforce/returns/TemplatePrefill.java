package exchange.workforce.returns;

import exchange.workforce.identity.Caller;

import java.util.Map;

/**
 * Figures another feature already holds for a council's period (the agency register's counts, say), offered pre-filled in
 * the return template for that period. The council still reads, checks and submits them as its own: a pre-filled figure is
 * a suggestion in a file, never a stored value.
 */
public interface TemplatePrefill {

    /** Values as the template's value column takes them, keyed "measure|breakdown" ("measure|" for a total). */
    Map<String, String> figures(Caller caller, Period period);
}

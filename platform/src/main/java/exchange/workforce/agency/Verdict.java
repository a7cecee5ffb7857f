package exchange.workforce.agency;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/**
 * One rule's answer about a proposed assignment.
 *
 * @param rule    the rule's code: COOLING_OFF, PRICE_CAP, EXPERIENCE, NOTICE, PROJECT_TEAM, REFERENCES
 * @param outcome PASS, FAIL, NEEDS_SIGN_OFF (allowed only with the recorded sign-off the rule names), or NOT_CHECKED
 *                where the platform lacks what the rule needs (no cap is known): never reported as a pass
 * @param reason  why, in words a council officer acts on
 * @param until   for cooling-off, the last day it applies
 * @param source  where the rule comes from
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Verdict(String rule, Outcome outcome, String reason, @Nullable LocalDate until, String source) {

    public enum Outcome { PASS, FAIL, NEEDS_SIGN_OFF, NOT_CHECKED }

    static Verdict pass(AgencyRule rule, String reason) {
        return new Verdict(rule.code(), Outcome.PASS, reason, null, rule.source());
    }

    static Verdict notChecked(AgencyRule rule, String reason) {
        return new Verdict(rule.code(), Outcome.NOT_CHECKED, reason, null, rule.source());
    }

    static Verdict fail(AgencyRule rule, String reason) {
        return new Verdict(rule.code(), Outcome.FAIL, reason, null, rule.source());
    }
}

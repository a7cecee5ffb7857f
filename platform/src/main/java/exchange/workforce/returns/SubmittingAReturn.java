package exchange.workforce.returns;

import exchange.workforce.audit.AuditAction;
import exchange.workforce.audit.AuditTrail;
import exchange.workforce.identity.Caller;
import exchange.workforce.measures.MeasureCatalogue;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.Problem;
import exchange.workforce.problem.ProblemCode;
import exchange.workforce.tenancy.TenantTransactions;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Submitting an authority's return: checked whole at the door, stored whole as a new version or not at all.
 * A dry run answers the same and stores nothing; a retry with the same idempotency key answers the version the
 * first attempt made.
 */
@Singleton
public class SubmittingAReturn {

    /** A submission from any channel, already read into lines. */
    public record Submission(String periodType, String period, String reason, List<ReturnLine> lines, String source,
                             String idempotencyKey, boolean dryRun) {
    }

    /** The longest reason for a correction a version keeps (the API's schema says so too). */
    static final int LONGEST_REASON = 2_000;

    private final java.time.Clock clock;
    private final TenantTransactions transactions;
    private final ReturnDao returns;
    private final MeasureCatalogue catalogue;
    private final AuditTrail audit;
    private final exchange.workforce.memorandum.ExitThemes exitThemes;

    public SubmittingAReturn(TenantTransactions transactions, ReturnDao returns, MeasureCatalogue catalogue, AuditTrail audit,
                             exchange.workforce.memorandum.ExitThemes exitThemes, java.time.Clock clock) {
        this.clock = clock;
        this.exitThemes = exitThemes;
        this.transactions = transactions;
        this.returns = returns;
        this.catalogue = catalogue;
        this.audit = audit;
    }

    public SubmittedReturn submit(Caller caller, Submission submission) {
        String authority = caller.authorityCode().orElseThrow();
        Period period = period(submission);
        return transactions.write(caller, () -> {
            returns.lock(authority, period);
            if (submission.idempotencyKey() != null) {
                Optional<ReturnVersion> earlier = returns.byIdempotencyKey(authority, submission.idempotencyKey());
                if (earlier.isPresent()) {
                    return replay(earlier.get(), period, authority, SubmissionFingerprint.of(submission));
                }
            }
            List<ReturnVersion> versions = returns.versions(authority, period);
            Optional<ReturnVersion> current = versions.stream().findFirst();
            List<ReturnValue> currentValuesList = current.map(v -> returns.values(v.id(), authority)).orElse(List.of());
            Map<String, ReturnValue> currentValues = keyed(currentValuesList);
            Map<String, ReturnValue> previous = current.isPresent() ? currentValues
                    : keyed(returns.latestBefore(authority, period).map(v -> returns.values(v.id(), authority)).orElse(List.of()));
            // the memorandum's own list of exit-interview themes, as in force today, decides which exit_theme codes are valid
            Map<String, List<String>> regionsOwn = caller.homeRegion()
                    .map(region -> Map.of(exchange.workforce.memorandum.ExitThemes.DIMENSION, exitThemes.inForce(region).codes()))
                    .orElse(Map.of());
            ReturnRules.Outcome outcome = ReturnRules.check(submission.lines(), catalogue, previous, regionsOwn);
            List<Problem.Violation> errors = new ArrayList<>(outcome.errors());
            List<SubmittedReturn.Change> changes = ReturnChanges.between(currentValuesList, outcome.values());
            if (errors.isEmpty() && current.isPresent() && changes.isEmpty()) {
                return unchanged(current.get(), period, currentValuesList, submission.dryRun());
            }
            if (submission.reason() != null && submission.reason().length() > LONGEST_REASON) {
                errors.add(new Problem.Violation(ReturnRule.REASON_TOO_LONG.name(), "reason", null, "reason", "The reason is "
                        + submission.reason().length() + " characters; say why in " + LONGEST_REASON + " or fewer."));
            }
            if (current.isPresent() && !submission.dryRun() && (submission.reason() == null || submission.reason().isBlank())) {
                errors.add(new Problem.Violation(ReturnRule.CORRECTION_NEEDS_REASON.name(), "reason", null, "reason", "Version "
                        + current.get().version() + " of " + period.label() + " is already stored; say why it is being corrected."));
            }
            if (!errors.isEmpty()) {
                throw rejected(errors);
            }
            int version = current.map(ReturnVersion::version).orElse(0) + 1;
            List<Problem.Violation> warnings = new ArrayList<>(outcome.warnings());
            current.ifPresent(replaced -> dropped(replaced, changes).ifPresent(warnings::add));
            List<ReturnValue> derived = DerivedRates.of(outcome.values(), catalogue);
            if (submission.dryRun()) {
                return new SubmittedReturn(true, false, null, period.type(), period.label(), version, outcome.values(), derived,
                        warnings, changes);
            }
            ReturnVersion stored = new ReturnVersion(UUID.randomUUID(), authority, period.type(), period.label(), version,
                    submission.source(), caller.user(), Instant.now(clock), blankToNull(submission.reason()));
            returns.insert(stored, submission.idempotencyKey(), SubmissionFingerprint.of(submission), outcome.values());
            audit.record(caller, AuditAction.RETURN_SUBMITTED, "workforce_return", stored.id().toString(), Map.of(
                    "period", period.type() + " " + period.label(), "version", version, "source", submission.source(),
                    "figures", outcome.values().size()));
            return new SubmittedReturn(false, false, returns.versions(authority, period).get(0), period.type(), period.label(),
                    version, outcome.values(), derived, warnings, changes);
        });
    }

    /**
     * A correction replaces the whole return: a figure it leaves out is not in the new version (the version replaced
     * keeps it). That is allowed — a council may withdraw a figure — but never silent: the warning names each one, and
     * the check page shows it before anything is stored.
     */
    private static Optional<Problem.Violation> dropped(ReturnVersion replaced, List<SubmittedReturn.Change> changes) {
        List<String> gone = changes.stream().filter(c -> c.toValue() == null && c.toSymbol() == null && (c.fromValue() != null || c.fromSymbol() != null))
                .map(c -> c.measure() + (c.breakdown().isEmpty() ? "" : " (" + c.breakdown() + ")") + " "
                        + (c.fromValue() != null ? c.fromValue().toPlainString() : c.fromSymbol()))
                .toList();
        if (gone.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Problem.Violation(ReturnRule.DROPPED_IN_CORRECTION.name(), "value", null, "value", "This correction leaves out "
                + gone.size() + (gone.size() == 1 ? " figure" : " figures") + " that version " + replaced.version() + " gives, so version "
                + (replaced.version() + 1) + " will not have " + (gone.size() == 1 ? "it" : "them") + ": " + String.join(", ", gone)
                + ". If they still hold, include them; version " + replaced.version() + " keeps them either way."));
    }

    private Period period(Submission submission) {
        Optional<Period> period = Period.parse(submission.periodType(), submission.period());
        if (period.isEmpty()) {
            throw rejected(List.of(new Problem.Violation(ReturnRule.INVALID_PERIOD.name(), "period", null, "period", "'" + submission.period()
                    + "' is not " + Period.expected(submission.periodType()) + ".")));
        }
        period.get().outOfRange(LocalDate.now(clock)).ifPresent(why -> {
            throw rejected(List.of(new Problem.Violation(ReturnRule.PERIOD_OUT_OF_RANGE.name(), "period", null, "period", why + ".")));
        });
        return period.get();
    }

    /**
     * Figures exactly as the current version has them (a second tab, a form sent again, an upload repeated) make no new
     * version: the answer is that version, saying nothing was stored, whatever reason came with them.
     */
    private SubmittedReturn unchanged(ReturnVersion current, Period period, List<ReturnValue> values, boolean dryRun) {
        Problem.Violation same = new Problem.Violation(ReturnRule.SAME_AS_CURRENT_VERSION.name(), null, null, null, "These figures are "
                + "the same as version " + current.version() + " of " + period.label() + ", submitted by " + current.submittedBy()
                + (dryRun ? ": submitting them would store nothing" : ": nothing was stored") + ", and version " + current.version()
                + " stays current.");
        return new SubmittedReturn(dryRun, false, current, period.type(), period.label(), current.version(), values,
                DerivedRates.of(values, catalogue), List.of(same), List.of(), true);
    }

    /** A retry gets the version its first attempt made; a different return sent with the same key is refused. */
    private SubmittedReturn replay(ReturnVersion earlier, Period period, String authority, String fingerprint) {
        boolean samePeriod = earlier.periodType().equals(period.type()) && earlier.period().equals(period.label());
        if (!samePeriod || returns.fingerprint(earlier).filter(first -> !first.equals(fingerprint)).isPresent()) {
            throw new ApiProblem(ProblemCode.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key", "This idempotency key was already used "
                    + "for version " + earlier.version() + " of " + earlier.periodType() + " " + earlier.period() + " (submitted by "
                    + earlier.submittedBy() + " at " + earlier.submittedAt() + ")" + (samePeriod ? ", with different figures or reason" : "")
                    + ". A retry must send the same return; use a new key for a different one.");
        }
        List<ReturnValue> values = returns.values(earlier.id(), authority);
        return new SubmittedReturn(false, true, earlier, earlier.periodType(), earlier.period(), earlier.version(), values,
                DerivedRates.of(values, catalogue), List.of(), List.of());
    }

    /** The period a type and label name; refused, saying what a label of that type looks like, if they name none. */
    static Period period(String type, String label) {
        String upper = type == null ? "" : type.toUpperCase(java.util.Locale.ROOT);
        return Period.parse(upper, label).orElseThrow(() -> rejected(List.of(new Problem.Violation(ReturnRule.INVALID_PERIOD.name(),
                "period", null, "period", "'" + label + "' is not " + Period.expected(upper) + "."))));
    }

    static ApiProblem rejected(List<Problem.Violation> errors) {
        return new ApiProblem(ProblemCode.RETURN_REJECTED, null, errors.size() == 1 ? describe(errors.get(0))
                : errors.size() + " problems, nothing was stored. The first: " + describe(errors.get(0)), errors);
    }

    private static String describe(Problem.Violation error) {
        return (error.row() == null ? "" : "row " + error.row() + ", ") + (error.column() == null ? "" : error.column() + ": ")
                + error.message() + " [" + error.code() + "]";
    }

    private static Map<String, ReturnValue> keyed(List<ReturnValue> values) {
        Map<String, ReturnValue> keyed = new HashMap<>();
        values.forEach(v -> keyed.put(v.measure() + "|" + v.breakdown(), v));
        return keyed;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}

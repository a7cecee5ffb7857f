package exchange.workforce.agency;

import exchange.workforce.identity.Caller;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.Problem;
import exchange.workforce.problem.ProblemCode;
import exchange.workforce.returns.ReturnUploads;
import exchange.workforce.tenancy.TenantTransactions;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Assignments uploaded as a spreadsheet, through the same doors as one JSON assignment: every row read, judged by every
 * rule and checked by the {@link RecordingPolicy}; the whole file stored as new assignments and corrections in one
 * transaction, or nothing stored and every problem named by row and column. A dry run answers what would be stored; a
 * retry with the same Idempotency-Key answers what the first made, and the same key with a different file is refused.
 */
@Singleton
public class AssignmentUploads {

    /** A council engages tens of agency workers a quarter, not thousands: 2,000 rows leaves room and bounds the work. */
    static final int MAX_ROWS = 2_000;
    static final String TEMPLATE = "GET /api/v1/agency/templates/assignments.csv";

    /** What one row made, or would make in a dry run. */
    @Serdeable
    public record RowOutcome(int row, UUID assignmentId, int version, List<Verdict> verdicts) {
    }

    /** An upload's answer: {@code unchanged} counts rows the register already held exactly so (recording a file twice changes nothing). */
    @Serdeable
    public record Uploaded(boolean dryRun, boolean replayed, String source, int newAssignments, int corrections, int unchanged,
                           List<RowOutcome> rows, String summary) {
    }

    private record Checked(AssignmentFile.Row row, AgencyRules.Judged judged) {
    }

    private final AgencyRules rules;
    private final AssignmentRegister register;
    private final AssignmentDao assignments;
    private final TenantTransactions transactions;

    public AssignmentUploads(AgencyRules rules, AssignmentRegister register, AssignmentDao assignments, TenantTransactions transactions) {
        this.rules = rules;
        this.register = register;
        this.assignments = assignments;
        this.transactions = transactions;
    }

    public Uploaded upload(Caller caller, byte[] bytes, String fileName, boolean dryRun, String idempotencyKey) {
        ReturnUploads.Spreadsheet sheet = ReturnUploads.spreadsheet(bytes, fileName, MAX_ROWS, TEMPLATE);
        AssignmentFile.Read read = AssignmentFile.read(sheet.table());
        List<Problem.Violation> errors = new ArrayList<>(read.errors());
        List<Checked> checked = new ArrayList<>();
        for (AssignmentFile.Row row : read.rows()) {
            if (row.readable()) {
                check(caller, row, errors).ifPresent(judged -> checked.add(new Checked(row, judged)));
            }
        }
        refuseIfAny(errors);
        String fingerprint = fingerprint(checked);
        String authority = caller.authorityCode().orElseThrow();
        return transactions.write(caller, () -> {
            if (idempotencyKey != null && !dryRun) {
                var earlier = assignments.uploadByKey(authority, idempotencyKey);
                if (earlier.isPresent()) {
                    return replay(earlier.get(), fingerprint);
                }
            }
            List<RowOutcome> outcomes = new ArrayList<>();
            List<Problem.Violation> missing = new ArrayList<>();
            int unchanged = 0;
            for (Checked c : checked) {
                AssignmentRegister.Identified identified;
                try {
                    identified = register.identify(caller, c.judged(), c.row().assignment(), c.row().correcting());
                } catch (ApiProblem problem) {
                    boolean notFound = problem.code() == ProblemCode.NOT_FOUND;
                    missing.add(notFound ? new Problem.Violation("NOT_FOUND", "assignment_id", c.row().number(), "assignment_id",
                            "there is no assignment " + c.row().correcting() + " of your council to correct; leave assignment_id blank to record a new one")
                            : new Problem.Violation("ALREADY_RECORDED", "reason", c.row().number(), "reason", problem.getMessage()));
                    continue;
                }
                if (identified.unchanged()) {
                    unchanged++;
                    continue;
                }
                if (!dryRun) {
                    register.insert(caller, identified.assignmentId(), identified.version(), c.judged(), c.row().assignment());
                }
                outcomes.add(new RowOutcome(c.row().number(), identified.assignmentId(), identified.version(), c.judged().verdicts()));
            }
            refuseIfAny(missing);
            Uploaded uploaded = answer(dryRun, false, sheet.source(), outcomes, unchanged);
            if (!dryRun) {
                assignments.insertUpload(authority, idempotencyKey, fingerprint, sheet.source(), uploaded, caller.user());
            }
            return uploaded;
        });
    }

    /** The row judged and checked for recording, or its problems added to the file's, named by the row and the column. */
    private java.util.Optional<AgencyRules.Judged> check(Caller caller, AssignmentFile.Row row, List<Problem.Violation> errors) {
        try {
            AgencyRules.Judged judged = rules.judge(caller, row.assignment().proposal());
            RecordingPolicy.check(row.assignment(), judged.verdicts());
            if (row.correcting() != null && !AssignmentRegister.hasCorrectionReason(row.assignment())) {
                errors.add(new Problem.Violation("INVALID_FIELD", "reason", row.number(), "reason", AssignmentRegister.CORRECTION_REASON));
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(judged);
        } catch (ApiProblem problem) {
            if (problem.violations() == null || problem.violations().isEmpty()) {
                String column = AssignmentFile.column(problem.field());
                errors.add(new Problem.Violation(problem.code().name(), column, row.number(), column, problem.getMessage()));
            } else {
                problem.violations().forEach(v -> {
                    String column = AssignmentFile.column(v.field());
                    errors.add(new Problem.Violation(v.code(), column, row.number(), column, v.message()));
                });
            }
            return java.util.Optional.empty();
        }
    }

    private Uploaded replay(AssignmentDao.EarlierUpload earlier, String fingerprint) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw new ApiProblem(ProblemCode.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key", "This idempotency key was already used for an "
                    + "upload of other assignments (by " + earlier.uploadedBy() + " at " + earlier.uploadedAt() + "). A retry must send the "
                    + "same file; use a new key for a different one.");
        }
        Uploaded first = assignments.readJson(earlier.result(), Argument.of(Uploaded.class));
        return new Uploaded(false, true, first.source(), first.newAssignments(), first.corrections(), first.unchanged(), first.rows(), first.summary());
    }

    private static Uploaded answer(boolean dryRun, boolean replayed, String source, List<RowOutcome> outcomes, int unchanged) {
        int corrections = (int) outcomes.stream().filter(o -> o.version() > 1).count();
        int added = outcomes.size() - corrections;
        long needingSignOff = outcomes.stream().filter(o -> o.verdicts().stream().anyMatch(v -> v.outcome() == Verdict.Outcome.NEEDS_SIGN_OFF)).count();
        long withExceptions = outcomes.stream().filter(o -> o.verdicts().stream().anyMatch(v -> v.outcome() == Verdict.Outcome.FAIL)).count();
        String summary = (dryRun ? "Nothing stored (dry run): the file would record " : "Recorded ") + added + " new "
                + (added == 1 ? "assignment" : "assignments") + " and " + corrections + (corrections == 1 ? " correction" : " corrections")
                + (needingSignOff > 0 ? "; " + needingSignOff + " over the cap, with sign-off" : "")
                + (withExceptions > 0 ? "; " + withExceptions + " with a rule not met, each with its reason" : "")
                + (unchanged > 0 ? "; " + unchanged + (unchanged == 1 ? " row was" : " rows were") + " already recorded exactly so, and left as "
                + (unchanged == 1 ? "it was" : "they were") : "") + ".";
        return new Uploaded(dryRun, replayed, source, added, corrections, unchanged, outcomes, summary);
    }

    /** Refuses the whole file if any row broke a rule: every problem named by row and column, the first in the detail. */
    static void refuseIfAny(List<Problem.Violation> errors) {
        if (errors.isEmpty()) {
            return;
        }
        List<Problem.Violation> sorted = errors.stream().sorted(Comparator.comparing((Problem.Violation v) -> v.row() == null ? 0 : v.row())).toList();
        Problem.Violation first = sorted.get(0);
        String where = (first.row() == null ? "" : "row " + first.row() + ", ") + (first.column() == null ? "" : first.column() + ": ");
        throw new ApiProblem(ProblemCode.UPLOAD_REJECTED, null, (sorted.size() == 1 ? "" : sorted.size() + " problems, nothing was stored. The first: ")
                + where + first.message() + " [" + first.code() + "]", sorted);
    }

    /**
     * What makes two uploads the same request: the rows as read, in order, each worker as its pseudonym (the file and the
     * registration numbers are never kept). A retry after the pseudonym key is rotated counts as a different upload.
     */
    private static String fingerprint(List<Checked> checked) {
        StringBuilder canonical = new StringBuilder();
        for (Checked c : checked) {
            canonical.append(c.row().number()).append('|').append(c.row().correcting()).append('|').append(c.judged().worker().value())
                    .append('|').append(c.row().assignment().withoutRegistrationNumber()).append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

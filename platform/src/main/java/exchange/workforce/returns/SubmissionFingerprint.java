package exchange.workforce.returns;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What makes two submissions the same request, for idempotency: the period, the reason and the figures as typed,
 * in any order and through any channel (a retry of a CSV upload as JSON is still the same return).
 */
final class SubmissionFingerprint {

    private SubmissionFingerprint() {
    }

    static String of(SubmittingAReturn.Submission submission) {
        StringBuilder canonical = new StringBuilder()
                .append(submission.periodType()).append('\n').append(submission.period()).append('\n')
                .append(submission.reason() == null ? "" : submission.reason().trim()).append('\n');
        List<String> lines = submission.lines().stream()
                .map(line -> line.measure() + '|' + line.breakdownKey() + '|' + (line.value() == null ? "" : line.value().trim()))
                .sorted().toList();
        lines.forEach(line -> canonical.append(line).append('\n'));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

package exchange.workforce.memorandum;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A target a memorandum's region has set itself: a measure of the catalogue, which way (AT_LEAST or AT_MOST), the
 * value, on whose authority it rests (source), and the dates it applies to.
 */
@Serdeable
public record MemorandumTarget(UUID id, String regionCode, String measure, String comparison, BigDecimal value, String source,
                               LocalDate effectiveFrom, @Nullable LocalDate effectiveTo, String recordedBy, Instant recordedAt,
                               @Nullable Instant withdrawnAt) {

    public boolean inForceOn(LocalDate day) {
        return withdrawnAt == null && !effectiveFrom.isAfter(day) && (effectiveTo == null || effectiveTo.isAfter(day));
    }

    /** Whether a figure meets it. */
    public boolean metBy(BigDecimal figure) {
        int c = figure.compareTo(value);
        return "AT_LEAST".equals(comparison) ? c >= 0 : c <= 0;
    }

    /** In words: "at least 85 (Kent County Council workforce strategy 2015)". */
    public String describe() {
        return ("AT_LEAST".equals(comparison) ? "at least " : "at most ") + value.stripTrailingZeros().toPlainString()
                + " (" + source + ")";
    }
}

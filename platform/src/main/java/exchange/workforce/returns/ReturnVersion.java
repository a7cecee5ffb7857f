package exchange.workforce.returns;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** One accepted version of an authority's return for a period: who submitted it, how, and why it was corrected. */
@Serdeable
public record ReturnVersion(UUID id, String authorityCode, PeriodType periodType, String period, int version, String source,
                            String submittedBy, Instant submittedAt, @Nullable String reason) {
}

package exchange.workforce.memorandum;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One version of a memorandum's terms, including its data-sharing agreement. In force from effectiveFrom until the next version. */
@Serdeable
public record MemorandumTerms(String regionCode, int version, LocalDate effectiveFrom, int coolingOffMonths,
                              String referenceStandardVersion, int smallCountThreshold,
                              DataSharingAgreement dataSharingAgreement,
                              String recordedBy, Instant recordedAt, String changeReason) {

    @Serdeable
    public record DataSharingAgreement(String purpose, String lawfulBasis, List<String> dataItems,
                                       Retention retentionMonths) {
    }

    @Serdeable
    public record Retention(int returns, int references, int audit) {
    }
}

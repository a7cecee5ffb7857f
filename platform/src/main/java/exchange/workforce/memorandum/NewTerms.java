package exchange.workforce.memorandum;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** A region administrator's new version of the memorandum's terms. Every field is stated: nothing is inherited silently. */
@Serdeable
public record NewTerms(
        @Nullable @NotNull(message = "say from which date (YYYY-MM-DD) the new terms take effect") LocalDate effectiveFrom,
        @Nullable @NotNull(message = "give the cooling-off period in months (3 nationally, 6 under the London Pledge)")
        @Min(value = 3, message = "must be at least 3 months, the statutory cooling-off (a memorandum may lengthen it, never shorten it)")
        @Max(value = 24, message = "must be at most 24 months")
        Integer coolingOffMonths,
        @Nullable @NotBlank(message = "name the version of the reference standard in force, e.g. 1.0") @Size(max = 20) String referenceStandardVersion,
        @Nullable @NotNull(message = "give the smallest count of people that may be shown (5 is usual)")
        @Min(value = 1, message = "must be between 1 and 100") @Max(value = 100, message = "must be between 1 and 100")
        Integer smallCountThreshold,
        @Nullable @NotBlank(message = "state the purpose of the data sharing") @Size(max = 2000) String dsaPurpose,
        @Nullable @NotBlank(message = "state the lawful basis, e.g. Public task: UK GDPR Article 6(1)(e)") @Size(max = 500) String dsaLawfulBasis,
        @Nullable @NotEmpty(message = "list the data items shared") List<@NotBlank @Size(max = 200) String> dsaDataItems,
        @Nullable @NotNull(message = "give how many months workforce returns are kept") @Min(value = 1, message = "must be at least 1 month") @Max(value = 600, message = "must be at most 600 months") Integer retentionReturnsMonths,
        @Nullable @NotNull(message = "give how many months references are kept") @Min(value = 1, message = "must be at least 1 month") @Max(value = 600, message = "must be at most 600 months") Integer retentionReferencesMonths,
        @Nullable @NotNull(message = "give how many months the audit trail is kept") @Min(value = 1, message = "must be at least 1 month") @Max(value = 600, message = "must be at most 600 months") Integer retentionAuditMonths,
        @Nullable @NotBlank(message = "say why the terms change (e.g. 'Phase 2 agreed by the regional DCS group on 3 March')") @Size(max = 1000) String changeReason) {
}

package exchange.workforce.memorandum;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A target a region administrator sets, e.g. permanent_share_of_posts_fte AT_LEAST 85 from 2025-04-01. */
@Serdeable
public record NewTarget(
        @Nullable @NotBlank(message = "name the measure, e.g. permanent_share_of_posts_fte (GET /api/v1/measures lists them)") String measure,
        @Nullable @NotNull(message = "say which way the target points: AT_LEAST or AT_MOST")
        @Pattern(regexp = "AT_LEAST|AT_MOST", message = "say AT_LEAST or AT_MOST") String comparison,
        @Nullable @NotNull(message = "give the target's value, e.g. 85") BigDecimal value,
        @Nullable @NotBlank(message = "say whose commitment the target is, e.g. 'Memorandum of cooperation, version 2, clause 4'")
        @Size(max = 500, message = "say it in up to 500 characters") String source,
        @Nullable @NotNull(message = "say from which date (YYYY-MM-DD) the target applies") LocalDate effectiveFrom,
        @Nullable LocalDate effectiveTo) {
}

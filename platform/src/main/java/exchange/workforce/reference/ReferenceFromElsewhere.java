package exchange.workforce.reference;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Evidence of a reference gathered off the platform (a previous employer outside the region, or not a council): who gave
 * it, in what role, when, on which template, and the reference officer who read it and attests it is detailed and
 * practice-based. It counts towards the two-reference rule like a reference provided here; the reference itself stays
 * with the council.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferenceFromElsewhere(UUID id, String refereeOrganisation, String refereeRole, LocalDate providedOn, String template,
                                     String attestedBy, Instant recordedAt) {

    /** As a reference officer records it: {@code attested} must be true. */
    @Serdeable
    public record New(@Nullable String refereeOrganisation, @Nullable String refereeRole, @Nullable LocalDate providedOn,
                      @Nullable String template, @Nullable Boolean attested) {
    }
}

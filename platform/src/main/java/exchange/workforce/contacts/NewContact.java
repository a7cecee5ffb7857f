package exchange.workforce.contacts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Serdeable
public record NewContact(
        @Nullable @NotBlank(message = "give the contact's name") @Size(max = 200, message = "must be at most 200 characters") String name,
        @Nullable @NotBlank(message = "give the contact's work e-mail address") @Email(message = "must be an e-mail address such as name@council.gov.uk") @Size(max = 320) String email,
        @Nullable @NotNull(message = "say what the contact answers for: WORKFORCE_RETURNS, REFERENCES, AGENCY_COMPLIANCE, DATA_PROTECTION or WORKFORCE_PLANNING") Responsibility responsibility) {
}

package exchange.workforce.worker;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/**
 * What a worker stated on their application about the employment a reference is asked for — their name, job title and
 * dates there — so the referee can tell whom a request is about. Given by the requester, sealed at once
 * ({@link WorkerDetailsCipher}), read only by the requester and the referee, deleted with the request at retention.
 */
@Serdeable
public record WorkerDetails(@Nullable String name, @Nullable String jobTitle, @Nullable LocalDate employedFrom, @Nullable LocalDate employedTo) {
}

package exchange.workforce.reference;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;

/** The copy of a reference the worker is entitled to see: who wrote it, for whom, when, and what it says. */
@Serdeable
public record WorkerCopy(String notice, String writtenByAuthority, String writtenForAuthority, Instant providedAt,
                         @Nullable LocalDate sharedWithWorkerOn, String templateVersion, ReferenceTemplate reference) {

    static WorkerCopy of(ReferenceDao.ProvidedReference provided, String refereeName, String requesterName) {
        return new WorkerCopy("This is a copy of a reference written about you under a regional memorandum of "
                + "cooperation between children's services authorities. You are entitled to see it under UK GDPR. "
                + "If anything in it is wrong, write to " + refereeName + ", which wrote it.",
                refereeName, requesterName, provided.providedAt(), provided.sharedWithWorkerOn(),
                provided.templateVersion(), provided.reference());
    }
}

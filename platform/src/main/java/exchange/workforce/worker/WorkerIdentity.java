package exchange.workforce.worker;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.nio.file.Path;

@Factory
public class WorkerIdentity {

    /** The key file exists by now: start-up created it (local mode) or refused to start without it (production). */
    @Singleton
    Pseudonymiser pseudonymiser(PseudonymSettings settings) {
        return new Pseudonymiser(PseudonymKeys.load(Path.of(settings.keyFile()), false));
    }

    /** The same key file, a key derived for another purpose: sealing what a worker stated on an application. */
    @Singleton
    WorkerDetailsCipher workerDetailsCipher(PseudonymSettings settings, io.micronaut.json.JsonMapper json) {
        return new WorkerDetailsCipher(PseudonymKeys.load(Path.of(settings.keyFile()), false), json);
    }

    /** The same key file, a key per council derived for a third purpose: its own agency workers' numbers, for its DfE return. */
    @Singleton
    RegistrationNumberSeal registrationNumberSeal(PseudonymSettings settings) {
        return new RegistrationNumberSeal(PseudonymKeys.load(Path.of(settings.keyFile()), false));
    }
}

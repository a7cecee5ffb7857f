package exchange.workforce.architecture.cyclefixture.first;

import java.time.LocalDate;
import java.time.ZoneId;

/** Fixture: asks the system what day it is, which the clock rule must report. */
public final class Today {

    private Today() {
    }

    public static LocalDate inLondon() {
        return LocalDate.now(ZoneId.of("Europe/London"));
    }
}

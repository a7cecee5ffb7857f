package exchange.workforce.reference;

import io.micronaut.serde.annotation.Serdeable;

/** Where a reference request stands: waiting for the referee, answered with a reference, or declined with a reason. */
@Serdeable
public enum RequestStatus {
    /** Sent; the referee has not answered yet (overdue after its due date). */
    REQUESTED,
    /** The referee gave the reference. */
    PROVIDED,
    /** The referee declined, saying why. */
    DECLINED;

    /** Whether the referee can still answer it. */
    public boolean open() {
        return this == REQUESTED;
    }
}

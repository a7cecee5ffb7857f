package exchange.workforce.returns;

import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * What other features read of a council's own returns: one figure of the current version of a period's return. Called
 * inside the council's transaction, so row-level security keeps it to the council's own returns. Its DAO stays here.
 */
@Singleton
public class CurrentFigures {

    /** A figure and the version of the return it is from. */
    public record Figure(ReturnVersion version, Optional<ReturnValue> value) {
    }

    private final ReturnDao returns;

    CurrentFigures(ReturnDao returns) {
        this.returns = returns;
    }

    /** The total of a measure in the current version of the period's return, if there is a return (and the figure). */
    public Optional<Figure> total(String authority, Period period, String measure) {
        return returns.versions(authority, period).stream().findFirst().map(current -> new Figure(current, returns.values(current.id(), authority)
                .stream().filter(v -> measure.equals(v.measure()) && v.breakdown().isEmpty()).findFirst()));
    }
}

package exchange.workforce.returns;

import exchange.workforce.identity.Caller;
import exchange.workforce.measures.MeasureCatalogue;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.tenancy.TenantTransactions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;

/**
 * A council reading its own returns: the current version of each period, and one period's version with its figures
 * and the rates derived from them. One use case under the API ({@link ReturnController}) and the pages
 * ({@link ReturnPages}); row-level security keeps it to the caller's council.
 */
@Singleton
public class ReadingAReturn {

    /** A stored version with its figures and the rates derived from them. */
    @Serdeable
    public record ReturnView(ReturnVersion version, List<ReturnValue> values, List<ReturnValue> derived,
                             List<ReturnVersion> versions) {
    }

    private final TenantTransactions transactions;
    private final ReturnDao returns;
    private final MeasureCatalogue catalogue;

    public ReadingAReturn(TenantTransactions transactions, ReturnDao returns, MeasureCatalogue catalogue) {
        this.transactions = transactions;
        this.returns = returns;
        this.catalogue = catalogue;
    }

    /** The current version of each period the caller's council has a return for. */
    public List<ReturnVersion> periods(Caller caller) {
        return transactions.read(caller, () -> returns.currentOfEachPeriod(caller.authorityCode().orElseThrow()));
    }

    /** A period's return: the version wanted, or the current one; 404 for a period or version the council does not have. */
    public ReturnView view(Caller caller, String periodType, String periodLabel, @Nullable Integer wanted) {
        String authority = caller.authorityCode().orElseThrow();
        Period period = Period.parse(periodType.toUpperCase(Locale.ROOT), periodLabel)
                .orElseThrow(() -> ApiProblem.notFound("'" + periodType + "/" + periodLabel + "' is not a period; expected "
                        + Period.expected(periodType.toUpperCase(Locale.ROOT)) + "."));
        return transactions.read(caller, () -> {
            List<ReturnVersion> versions = returns.versions(authority, period);
            ReturnVersion chosen = versions.stream().filter(v -> wanted == null || v.version() == wanted).findFirst()
                    .orElseThrow(() -> ApiProblem.notFound("Your authority has no " + (wanted == null ? "" : "version " + wanted
                            + " of the ") + "return for " + period.type() + " " + period.label() + "."));
            List<ReturnValue> values = returns.values(chosen.id(), authority);
            return new ReturnView(chosen, values, DerivedRates.of(values, catalogue), versions);
        });
    }
}

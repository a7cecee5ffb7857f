package exchange.workforce.returns;

import exchange.workforce.audit.AuditAction;
import exchange.workforce.audit.AuditTrail;
import exchange.workforce.identity.Caller;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.ProblemCode;
import exchange.workforce.tenancy.TenantTransactions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Releasing a period of the region's returns, and the releases so far (by an administrator, or by a closed
 * submission window): one use case under the API ({@link ReleaseController}) and the region's pages ({@link
 * RegionReturnPages}).
 */
@Singleton
public class Releases {

    /**
     * A release: explicit (by an administrator, with a revision number and the authorities revised since the revision
     * before) or a closed submission window (as of the end of its due day).
     */
    @Serdeable
    public record Release(PeriodType periodType, String period, String basis, @Nullable Integer revision, @Nullable Instant releasedAt,
                          @Nullable String releasedBy, @Nullable LocalDate windowClosedAfter, @Nullable Integer authorities,
                          List<String> revisedAuthorities, String note) {
    }

    private final TenantTransactions transactions;
    private final ReleaseDao releases;
    private final AuditTrail audit;

    public Releases(TenantTransactions transactions, ReleaseDao releases, AuditTrail audit) {
        this.transactions = transactions;
        this.releases = releases;
        this.audit = audit;
    }

    /** Release a period of your region's returns to viewers outside each submitting authority. */
    public Release release(Caller caller, String periodType, String period) {
        Period p = SubmittingAReturn.period(periodType, period);
        return transactions.write(caller, () -> {
            ReleaseDao.Made made = releases.release(p, caller.user());
            if (made.authorities() == 0) {
                throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "period", "No authority of your region has a return for "
                        + p.type() + " " + p.label() + " yet; there is nothing to release.");
            }
            audit.record(caller, AuditAction.PERIOD_RELEASED, "period_release", p.type() + " " + p.label() + " r" + made.revision(),
                    Map.of("authorities", Integer.toString(made.authorities()), "revised", Integer.toString(made.revised())));
            return releasesOf(caller).stream().filter(r -> r.periodType().equals(p.type()) && r.period().equals(p.label())
                    && Integer.valueOf(made.revision()).equals(r.revision())).findFirst().orElseThrow();
        });
    }

    /** Your region's releases, with revision marks, and the periods released by a closed submission window. */
    public List<Release> list(Caller caller) {
        return transactions.read(caller, () -> releasesOf(caller));
    }

    private List<Release> releasesOf(Caller caller) {
        String region = caller.regionCode().orElseThrow();
        List<Release> all = new ArrayList<>();
        for (ReleaseDao.Stored r : releases.releases(region)) {
            String note = r.revision() == 1 ? "First release: " + r.authorities() + (r.authorities() == 1 ? " authority's return." : " authorities' returns.")
                    : "Revision " + r.revision() + ": " + (r.revised().isEmpty() ? "no return changed since the revision before."
                    : "revised since the revision before for " + String.join(", ", r.revised()) + ".");
            all.add(new Release(r.periodType(), r.period(), "RELEASED_BY_ADMINISTRATOR", r.revision(), r.releasedAt(), r.releasedBy(),
                    null, r.authorities(), r.revised(), note));
        }
        for (ReleaseDao.ClosedWindow w : releases.closedWindows(region)) {
            all.add(new Release(w.periodType(), w.period(), "WINDOW_CLOSED", null, null, null, w.dueOn(), null, List.of(),
                    "Released when the submission window closed: each authority's latest return submitted by the end of " + w.dueOn()
                            + ", unless a release by an administrator is newer."));
        }
        return all;
    }
}

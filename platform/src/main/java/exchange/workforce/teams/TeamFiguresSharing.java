package exchange.workforce.teams;

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
import java.util.Map;

/**
 * A council's choice about its figures by team and office (the catalogue's measures with "sharing": "council"): kept
 * inside the council, as they are until it decides otherwise, or shared with its memorandum (its members and regional
 * users see them named). Never with anyone else: they are never released. One use case under the API
 * ({@link TeamFiguresController}) and the council's page.
 */
@Singleton
public class TeamFiguresSharing {

    /** The council's choice, with who made it and when (null for the default: kept inside the council). */
    @Serdeable
    public record Choice(String authorityCode, boolean sharedWithMemorandum, @Nullable String decidedBy, @Nullable Instant decidedAt) {
    }

    /** What a council user sends to change it. */
    @Serdeable
    public record Change(@Nullable Boolean sharedWithMemorandum) {
    }

    private final TenantTransactions transactions;
    private final TeamFiguresSharingDao choices;
    private final AuditTrail audit;

    public TeamFiguresSharing(TenantTransactions transactions, TeamFiguresSharingDao choices, AuditTrail audit) {
        this.transactions = transactions;
        this.choices = choices;
        this.audit = audit;
    }

    public Choice of(Caller caller) {
        String authority = caller.authorityCode().orElseThrow();
        return transactions.read(caller, () -> choices.of(authority).orElse(new Choice(authority, false, null, null)));
    }

    public Choice decide(Caller caller, Change change) {
        if (change == null || change.sharedWithMemorandum() == null) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "sharedWithMemorandum", "sharedWithMemorandum: say whether your "
                    + "council shares its figures by team and office with its memorandum (true) or keeps them to itself (false).");
        }
        String authority = caller.authorityCode().orElseThrow();
        return transactions.write(caller, () -> {
            choices.set(authority, change.sharedWithMemorandum(), caller.user());
            audit.record(caller, AuditAction.TEAM_FIGURES_SHARING_SET, "team_figures_sharing", authority,
                    Map.of("sharedWithMemorandum", change.sharedWithMemorandum()));
            return choices.of(authority).orElseThrow();
        });
    }
}

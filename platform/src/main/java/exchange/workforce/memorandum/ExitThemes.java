package exchange.workforce.memorandum;

import exchange.workforce.audit.AuditAction;
import exchange.workforce.audit.AuditTrail;
import exchange.workforce.identity.Caller;
import exchange.workforce.measures.MeasureCatalogue;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.ProblemCode;
import exchange.workforce.tenancy.TenantTransactions;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The memorandum's list of exit-interview themes: read by every member (its template and the return's rules take the
 * codes from it) and its regional users; a new version recorded by its administrator alone. One use case under the API
 * ({@link ExitThemesController}) and the page ({@link ExitThemesPage}).
 */
@Singleton
public class ExitThemes {

    /** The catalogue's dimension a region keeps its own list of. */
    public static final String DIMENSION = "exit_theme";

    private final TenantTransactions transactions;
    private final ExitThemeDao lists;
    private final MeasureCatalogue catalogue;
    private final AuditTrail audit;

    public ExitThemes(TenantTransactions transactions, ExitThemeDao lists, MeasureCatalogue catalogue, AuditTrail audit) {
        this.transactions = transactions;
        this.lists = lists;
        this.catalogue = catalogue;
        this.audit = audit;
    }

    /** The list in force for the caller's region (a regional user's, or a council user's council's), in its own transaction. */
    public ExitThemeList forCaller(Caller caller) {
        String region = regionOf(caller);
        return transactions.read(caller, () -> inForce(region));
    }

    /**
     * The region's list in force: its latest recorded version, else the catalogue's starting list (version 0). Runs in
     * the caller's transaction (a return being checked reads it beside its own figures).
     */
    public ExitThemeList inForce(String region) {
        return lists.versions(region).stream().findFirst().orElseGet(() -> starting(region));
    }

    /** Every version the region recorded, newest first, ending with the starting list they replaced. */
    public List<ExitThemeList> history(Caller caller) {
        String region = regionOf(caller);
        return transactions.read(caller, () -> {
            List<ExitThemeList> all = new ArrayList<>(lists.versions(region));
            all.add(starting(region));
            return all;
        });
    }

    /** The administrator's new version; refused whole, with every reason, if any rule is broken. */
    public ExitThemeList record(Caller administrator, ExitThemeList.NewList list) {
        String region = administrator.regionCode().orElseThrow();
        return transactions.write(administrator, () -> {
            boolean recordedBefore = !lists.versions(region).isEmpty();
            ExitThemeListRules.Verdict verdict = ExitThemeListRules.check(list, recordedBefore);
            if (!verdict.reasons().isEmpty()) {
                throw new ApiProblem(ProblemCode.VALIDATION_FAILED, verdict.reasons().get(0).field(), verdict.reasons().get(0).message(),
                        verdict.reasons());
            }
            String reason = list.reason() == null || list.reason().isBlank() ? null : list.reason().trim();
            int version = lists.insert(region, verdict.themes(), reason, administrator.user());
            audit.record(administrator, AuditAction.EXIT_THEMES_VERSIONED, "exit_theme_list", region + "/" + version,
                    Map.of("themes", verdict.themes().size(), "version", version));
            return lists.versions(region).get(0);
        });
    }

    private ExitThemeList starting(String region) {
        List<String> codes = catalogue.dimension(DIMENSION).map(MeasureCatalogue.Dimension::values).orElse(List.of());
        return new ExitThemeList(region, 0, codes.stream().map(c -> new ExitThemeList.Theme(c, ExitThemeListRules.words(c))).toList(),
                null, null, null);
    }

    private static String regionOf(Caller caller) {
        return caller.regionCode().or(caller::homeRegion).orElseThrow(() -> new ApiProblem(ProblemCode.FORBIDDEN, null,
                "Your sign-in names no region, so there is no memorandum list of exit-interview themes for you."));
    }
}

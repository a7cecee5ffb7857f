package exchange.workforce.agency;

import exchange.workforce.identity.Caller;
import exchange.workforce.problem.Problem;
import exchange.workforce.returns.ReturnUploads;
import exchange.workforce.tenancy.TenantTransactions;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * Permanent leavers uploaded as a spreadsheet, through the same door as one leaver: every row read and checked, the
 * whole file stored in one transaction or nothing stored with every problem named by row and column. A leaving the
 * council already recorded (worker, day, role) is not recorded again, so uploading the same file twice changes nothing.
 */
@Singleton
public class LeaverUploads {

    /** A council's permanent leavers in a year are tens to a few hundred: 2,000 rows bounds the work. */
    static final int MAX_ROWS = 2_000;
    static final String TEMPLATE = "GET /api/v1/agency/templates/leavers.csv";

    /** An upload's answer: how many leavers it recorded (or would), and how many the council already had. */
    @Serdeable
    public record Uploaded(boolean dryRun, String source, int recorded, int unchanged, String summary) {
    }

    private final AgencyRules rules;
    private final TenantTransactions transactions;

    public LeaverUploads(AgencyRules rules, TenantTransactions transactions) {
        this.rules = rules;
        this.transactions = transactions;
    }

    public Uploaded upload(Caller caller, byte[] bytes, String fileName, boolean dryRun) {
        ReturnUploads.Spreadsheet sheet = ReturnUploads.spreadsheet(bytes, fileName, MAX_ROWS, TEMPLATE);
        LeaverFile.Read read = LeaverFile.read(sheet.table());
        List<Problem.Violation> errors = new ArrayList<>(read.errors());
        List<AgencyRules.CheckedLeaver> checked = new ArrayList<>();
        for (LeaverFile.Row row : read.rows()) {
            if (!row.readable()) {
                continue;
            }
            List<Problem.Violation> broken = new ArrayList<>();
            AgencyRules.CheckedLeaver leaver = rules.checkLeaver(row.leaver(), broken);
            broken.forEach(v -> errors.add(new Problem.Violation(v.code(), LeaverFile.column(v.field()), row.number(),
                    LeaverFile.column(v.field()), v.message())));
            if (broken.isEmpty()) {
                checked.add(leaver);
            }
        }
        AssignmentUploads.refuseIfAny(errors);
        int[] counts = new int[2];
        transactions.write(caller, () -> {
            for (AgencyRules.CheckedLeaver leaver : checked) {
                boolean stored = dryRun ? !rules.alreadyRecorded(caller, leaver) : rules.storeLeaver(caller, leaver).isPresent();
                counts[stored ? 0 : 1]++;
            }
            return null;
        });
        String summary = (dryRun ? "Nothing stored (dry run): the file would record " : "Recorded ") + counts[0]
                + (counts[0] == 1 ? " leaver" : " leavers") + (counts[1] == 0 ? "" : "; " + counts[1] + " already recorded, left as they were") + ".";
        return new Uploaded(dryRun, sheet.source(), counts[0], counts[1], summary);
    }
}

package db.migration;

import exchange.workforce.tenancy.ReferenceAuthorities;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * Records when each authority existed and which it replaced (schemas/reference/authorities.csv), so that a group's
 * members in a period are the authorities that existed then. An authority is active exactly when it has not been
 * abolished: before this, Cumbria counted as active because DfE still published its children-in-need figures for
 * the year to 31 March 2023.
 */
public class V18__RecordReorganisations extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        var connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("""
                    alter table authority
                        add column established  date,
                        add column abolished    date,
                        add column predecessors text[] not null default '{}',
                        add constraint authority_lifetime check (established is null or abolished is null or established < abolished)""");
        }
        try (PreparedStatement update = connection.prepareStatement("""
                update authority set established = ?, abolished = ?, predecessors = ?, active = ?, last_published_year = ?
                 where gss_code = ?""")) {
            for (var row : ReferenceAuthorities.load().authorities()) {
                update.setObject(1, row.established());
                update.setObject(2, row.abolished());
                update.setArray(3, connection.createArrayOf("text", row.predecessors().toArray()));
                update.setBoolean(4, row.active());
                update.setInt(5, row.lastPublishedYear());
                update.setString(6, row.gssCode());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}

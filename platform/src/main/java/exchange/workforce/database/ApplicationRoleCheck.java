package exchange.workforce.database;

import exchange.workforce.config.ConfigurationProblem;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Row-level security binds only roles that neither own the tables nor bypass it. The service refuses
 * to start as a role that would escape it (a superuser, a BYPASSRLS role, or the tables' owner), since
 * then one authority's rows would be protected by the application's WHERE clauses alone.
 */
public final class ApplicationRoleCheck {

    private static final String ESCAPES_RLS = """
            select r.rolsuper, r.rolbypassrls,
                   exists (select 1 from pg_tables t where t.schemaname = 'public' and t.tableowner = current_user) as owns_tables
              from pg_roles r where r.rolname = current_user""";

    private ApplicationRoleCheck() {
    }

    public static void verify(DatabaseConnection database) {
        try (Connection connection = DriverManager.getConnection(database.url(), database.application().user(),
                database.application().password());
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(ESCAPES_RLS)) {
            row.next();
            String role = database.application().user();
            if (row.getBoolean("rolsuper") || row.getBoolean("rolbypassrls")) {
                throw new ConfigurationProblem("The application role '" + role + "' is a superuser or may bypass "
                        + "row-level security. Connect as an ordinary role (WFX_DATABASE_USER) and run migrations as "
                        + "the owner (WFX_DATABASE_OWNER_USER).");
            }
            if (row.getBoolean("owns_tables")) {
                throw new ConfigurationProblem("The application role '" + role + "' owns the tables, so row-level "
                        + "security would not apply to it. Set WFX_DATABASE_OWNER_USER to the owner role and "
                        + "WFX_DATABASE_USER to a role that owns nothing (see infra/postgres/create-roles.sql).");
            }
        } catch (SQLException e) {
            throw new ConfigurationProblem("Cannot connect to " + database.url() + " as '" + database.application().user()
                    + "': " + e.getMessage(), e);
        }
    }
}

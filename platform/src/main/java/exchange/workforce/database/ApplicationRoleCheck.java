package exchange.workforce.database;

import exchange.workforce.config.ConfigurationProblem;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Row-level security binds only roles that neither own the tables nor bypass it. The service refuses
 * to start as a role that would escape it: a superuser, a BYPASSRLS role, or the tables' owner, or a member
 * of any such role (membership passes the privileges on: {@code GRANT wfx_owner TO wfx_app} makes the
 * application role an owner). The refusal gives the SQL that fixes it.
 */
public final class ApplicationRoleCheck {

    /** Every role the current user is, or is a member of (directly or not), that escapes row-level security. */
    private static final String ESCAPES_RLS = """
            select r.rolname, r.rolsuper, r.rolbypassrls,
                   exists (select 1 from pg_tables t where t.schemaname = 'public' and t.tableowner = r.rolname) as owns_tables
              from pg_roles r
             where pg_has_role(current_user, r.oid, 'MEMBER')
               and (r.rolsuper or r.rolbypassrls
                    or exists (select 1 from pg_tables t where t.schemaname = 'public' and t.tableowner = r.rolname))
             order by r.rolname = current_user desc, r.rolname""";

    private ApplicationRoleCheck() {
    }

    public static void verify(DatabaseConnection database) {
        verify(database.url(), database.application(), "application role", "WFX_DATABASE_USER / WFX_DATABASE_PASSWORD");
    }

    /** The benchmark reader may call one function; it must not escape row-level security either. */
    public static void verifyBenchmarkReader(DatabaseConnection database) {
        verify(database.url(), database.benchmark(), "benchmark reader role",
                "WFX_DATABASE_BENCHMARK_USER / WFX_DATABASE_BENCHMARK_PASSWORD");
    }

    private static void verify(String url, DatabaseConnection.Credentials credentials, String kind, String settings) {
        String role = credentials.user();
        try (Connection connection = DriverManager.getConnection(url, role, credentials.password());
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(ESCAPES_RLS)) {
            if (!row.next()) {
                return;
            }
            String escaping = row.getString("rolname");
            String what = row.getBoolean("rolsuper") ? "a superuser" : row.getBoolean("rolbypassrls")
                    ? "allowed to bypass row-level security" : "the owner of the tables";
            if (escaping.equals(role)) {
                String fix = row.getBoolean("owns_tables")
                        ? "Set WFX_DATABASE_OWNER_USER to the owner role and WFX_DATABASE_USER to a role that owns nothing "
                                + "(see infra/postgres/create-roles.sql)."
                        : "Fix it with: ALTER ROLE " + role + " NOSUPERUSER NOBYPASSRLS;";
                throw new ConfigurationProblem("The " + kind + " '" + role + "' is " + what
                        + ", so row-level security would not apply to it and one council could read another's data. " + fix);
            }
            throw new ConfigurationProblem("The " + kind + " '" + role + "' is a member of '" + escaping + "', which is "
                    + what + ", so row-level security would not apply to it and one council could read another's data. "
                    + "Fix it with: REVOKE " + escaping + " FROM " + role + ";");
        } catch (SQLException e) {
            throw new ConfigurationProblem("Cannot connect to " + url + " as the " + kind + " '" + role
                    + "' (" + settings + "): " + e.getMessage(), e);
        }
    }
}

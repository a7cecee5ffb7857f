package exchange.workforce.tenancy;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.function.Supplier;

/**
 * Runs work in a transaction that PostgreSQL knows the caller of: the settings wfx.authority and
 * wfx.region (local to the transaction) are what the row-level security policies compare against.
 * A regional setting is given only to regional users, never to council users.
 */
@Singleton
public class TenantTransactions {

    private static final String BIND_CALLER = """
            select set_config('wfx.authority', ?, true),
                   set_config('wfx.region', ?, true),
                   set_config('wfx.actor', ?, true)""";

    private final TransactionOperations<Connection> transactions;

    public TenantTransactions(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    public <T> T read(Tenant caller, Supplier<T> work) {
        return transactions.executeRead(status -> {
            bind(status.getConnection(), caller);
            return work.get();
        });
    }

    public <T> T write(Tenant caller, Supplier<T> work) {
        return transactions.executeWrite(status -> {
            bind(status.getConnection(), caller);
            return work.get();
        });
    }

    private static void bind(Connection connection, Tenant caller) throws java.sql.SQLException {
        try (PreparedStatement statement = connection.prepareStatement(BIND_CALLER)) {
            statement.setString(1, caller.authorityCode().orElse(""));
            statement.setString(2, caller.regionCode().orElse(""));
            statement.setString(3, caller.user());
            statement.execute();
        }
    }
}

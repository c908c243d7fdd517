package es.cesta.tickets;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Versioned schema changes, applied in order; SQLite's user_version says which have run. */
final class Migrations {

    static final List<String> STEPS = List.of(
            """
            CREATE TABLE tickets (
              id TEXT PRIMARY KEY,                 -- the ticket_id sent to the service
              sha256 TEXT NOT NULL UNIQUE,         -- of the original file: finds duplicates
              file_name TEXT NOT NULL,             -- as the user had it
              stored_path TEXT NOT NULL,           -- files/<sha256>.<ext> in the data dir
              state TEXT NOT NULL CHECK (state IN ('queued', 'processing', 'done', 'failed')),
              failure TEXT,
              imported_at TEXT NOT NULL,
              updated_at TEXT NOT NULL,
              source TEXT, shop_name TEXT, shop_legal_name TEXT, shop_tax_id TEXT, shop_address TEXT,
              purchase_date TEXT, purchase_time TEXT, currency TEXT, total TEXT, payment_method TEXT,
              invoice_number TEXT,
              raw_answer TEXT                      -- the service's whole answer, as received
            );
            CREATE TABLE items (
              ticket_id TEXT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
              position INTEGER NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('item', 'discount')),
              description TEXT NOT NULL, quantity TEXT, unit TEXT, unit_price TEXT, amount TEXT NOT NULL,
              PRIMARY KEY (ticket_id, kind, position)
            );
            CREATE TABLE taxes (
              ticket_id TEXT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
              position INTEGER NOT NULL, rate TEXT NOT NULL, base TEXT, amount TEXT,
              PRIMARY KEY (ticket_id, position)
            );
            -- The user's corrections, kept apart: re-extraction never overwrites them.
            CREATE TABLE corrections (
              ticket_id TEXT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
              field TEXT NOT NULL, value TEXT, corrected_at TEXT NOT NULL,
              PRIMARY KEY (ticket_id, field)
            );
            CREATE INDEX tickets_by_state ON tickets(state);
            CREATE INDEX tickets_by_date ON tickets(purchase_date);
            """);

    private Migrations() {
    }

    static int apply(Connection connection) throws SQLException {
        int version;
        try (Statement statement = connection.createStatement()) {
            version = statement.executeQuery("PRAGMA user_version").getInt(1);
        }
        if (version > STEPS.size()) {
            throw new SQLException("the database was written by a newer Cesta (schema " + version + ")");
        }
        for (int step = version; step < STEPS.size(); step++) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : STEPS.get(step).split(";\\s*\\n")) {
                    if (!sql.isBlank()) {
                        statement.execute(sql);
                    }
                }
                statement.execute("PRAGMA user_version = " + (step + 1));
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
        return STEPS.size();
    }
}

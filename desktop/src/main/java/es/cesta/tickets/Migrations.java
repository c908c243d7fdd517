package es.cesta.tickets;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Versioned schema changes, applied in order; SQLite's user_version says which have run.
 *
 * <p>Invariant: two Cesta processes opening one library at once (the window and the CLI, a new data
 * folder included) both end on the current schema. The steps run in one EXCLUSIVE transaction that
 * re-reads the version inside it, so the second process waits for the first and then finds nothing
 * left to do.
 */
final class Migrations {

    // A step holds several statements, each ending with a semicolon at the end of its line.
    private static final Pattern STATEMENT_END = Pattern.compile(";\\s*\\n");

    static final List<String> STEPS = List.of("""
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
            """, """
            -- The model's spending category of each line; the person's own is a correction
            -- (field item.item.<position>.category), which the model never overwrites.
            ALTER TABLE items ADD COLUMN category TEXT;
            ALTER TABLE items ADD COLUMN category_confidence REAL;
            CREATE INDEX items_by_category ON items(category);
            -- Shop names the person taught: by tax ID ('tax:<ID>') or by the name read ('name:<NAME>').
            CREATE TABLE shop_names (
              shop_key TEXT PRIMARY KEY,
              name TEXT NOT NULL,
              taught_at TEXT NOT NULL
            );
            """, """
            -- Lines the person added (1) next to those the service read (0): a reading again
            -- replaces only the service's.
            ALTER TABLE items ADD COLUMN by_person INTEGER NOT NULL DEFAULT 0;
            -- The ticket this one probably repeats (another file of the same purchase: the photo
            -- of a ticket whose PDF is in, a second scan); cleared for good when the person keeps both.
            ALTER TABLE tickets ADD COLUMN twin_of TEXT;
            ALTER TABLE tickets ADD COLUMN twin_kept INTEGER NOT NULL DEFAULT 0;
            """, """
            -- The shopping list as the person left it (ShoppingListNotes): the lines they added and
            -- what they ticked off, in the list's order.
            CREATE TABLE shopping_list (
                position INTEGER PRIMARY KEY,
                description TEXT NOT NULL,
                own INTEGER NOT NULL,
                ticked INTEGER NOT NULL,
                as_of TEXT
            );
            """);

    private Migrations() {}

    /** Called with the schema version found, before an existing library is changed. */
    @FunctionalInterface
    interface BeforeChange {
        void run(int fromVersion) throws IOException, SQLException;
    }

    static int apply(Connection connection, BeforeChange beforeChange) throws SQLException, IOException {
        return apply(connection, STEPS, beforeChange);
    }

    static int apply(Connection connection, List<String> steps, BeforeChange beforeChange)
            throws SQLException, IOException {
        int found = version(connection);
        if (found == steps.size()) {
            return steps.size(); // the usual start: no write lock taken
        }
        if (found > 0 && found < steps.size()) {
            beforeChange.run(found);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN EXCLUSIVE"); // waits for another process's migration (busy_timeout)
            try {
                int version = version(connection);
                if (version > steps.size()) {
                    throw new SQLException("the database was written by a newer Cesta (schema " + version + ")");
                }
                for (int step = version; step < steps.size(); step++) {
                    for (String sql : STATEMENT_END.split(steps.get(step), -1)) {
                        if (!sql.isBlank()) {
                            statement.execute(sql);
                        }
                    }
                }
                statement.execute("PRAGMA user_version = " + steps.size());
                statement.execute("COMMIT");
            } catch (SQLException e) {
                statement.execute("ROLLBACK");
                throw e;
            }
        }
        return steps.size();
    }

    static int version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("PRAGMA user_version")) {
            return result.getInt(1);
        }
    }
}

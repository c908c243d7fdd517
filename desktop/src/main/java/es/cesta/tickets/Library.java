package es.cesta.tickets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The library's SQLite file (WAL) in the data folder: opening it (schema migrations, a damaged
 * file told apart from a busy one), its one connection, and its backups.
 *
 * <p>Invariants: every part of the library (tickets, corrections, spending queries, categories,
 * shop names) works through {@link #withConnection} or {@link #inTransaction}, under this object's
 * lock, so no two of them ever interleave on the connection; every state change is committed at
 * once, so a crash leaves each ticket queued, processing, done or failed, never half-written.
 */
final class Library implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger("cesta.library");

    /** One piece of work on the library's connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Path dataDir;
    private final Connection connection;
    private final LibraryBackups backups;

    private Library(Path dataDir, Connection connection, LibraryBackups backups) {
        this.dataDir = dataDir;
        this.connection = connection;
        this.backups = backups;
    }

    static Library open(Path dataDir) {
        Path database = dataDir.resolve("cesta.db");
        Connection connection = null;
        try {
            Files.createDirectories(dataDir);
            connection = DriverManager.getConnection("jdbc:sqlite:" + database);
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA busy_timeout = 5000");
                statement.execute("PRAGMA journal_mode = WAL");
                statement.execute("PRAGMA foreign_keys = ON");
                statement.execute("PRAGMA synchronous = NORMAL");
            }
            LibraryBackups backups = new LibraryBackups(dataDir);
            Connection open = connection;
            Migrations.apply(connection, from -> backups.backUp(open, "before-schema-" + (from + 1)));
            Library library = new Library(dataDir, connection, backups);
            library.backUpIfDue();
            return library;
        } catch (SQLException e) {
            closeQuietly(connection);
            if (isDamage(e)) {
                throw new DamagedLibraryException(explain(database, e), database, e);
            }
            throw new StoreException(explain(database, e), e);
        } catch (IOException e) {
            closeQuietly(connection);
            throw new StoreException("Cannot prepare the library in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    Path dataDir() {
        return dataDir;
    }

    /** Runs work on the one connection under the library's lock; an SQL failure is said with {@code whatFailed}. */
    synchronized <T> T withConnection(String whatFailed, Work<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException(whatFailed + ": " + e.getMessage(), e);
        }
    }

    /** Like {@link #withConnection}, in one transaction: all of the work is stored, or none of it. */
    synchronized <T> T inTransaction(String whatFailed, Work<T> work) {
        return withConnection(whatFailed, c -> {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    /** A consistent copy of the library in backups/ (the CLI's `cesta backup`, the window's Settings). */
    synchronized Path backUp(String reason) throws IOException {
        try {
            return backups.backUp(connection, reason);
        } catch (SQLException e) {
            throw new IOException("Cannot back up the library: " + e.getMessage(), e);
        }
    }

    /**
     * The daily backup, when the newest is more than a day old and the library holds tickets. A
     * failed backup is logged, never in the way of the import that asked for it.
     */
    synchronized void backUpIfDue() {
        try {
            if (hasTickets() && backups.dailyDue()) {
                backups.backUp(connection, "daily");
            }
        } catch (IOException | SQLException | StoreException e) {
            LOG.log(Level.WARNING, "the daily backup failed", e);
        }
    }

    LibraryBackups backups() {
        return backups;
    }

    private boolean hasTickets() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet any = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM tickets)")) {
            return any.getInt(1) == 1;
        }
    }

    private static boolean isDamage(SQLException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("not a database")
                || message.contains("malformed")
                || message.contains("file is encrypted");
    }

    private static String explain(Path database, SQLException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (isDamage(e)) {
            return "The ticket library " + database + " is damaged or is not a Cesta library. Your original "
                    + "files are safe in " + database.resolveSibling("files") + ".";
        }
        if (message.contains("locked") || message.contains("busy")) {
            return "The ticket database " + database + " is locked by another program (is Cesta already running?).";
        }
        return "Cannot use the ticket database " + database + ": " + e.getMessage();
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already failing: the first error is the one to report
            }
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly(connection);
    }
}

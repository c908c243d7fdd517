package es.cesta.tickets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Copies of the library in {@code backups/} of the data folder, so that a bad migration, a disk
 * error or a damaged file never costs the person their corrections.
 *
 * <p>Invariants: a backup is a consistent copy of a live library (SQLite's online backup API, not a
 * file copy that could catch a write halfway); it appears under its final name only once complete;
 * the newest {@link #KEPT} are kept and older ones deleted; the originals in {@code files/} are never
 * touched; a restore never deletes the library it replaces, it moves it aside.
 */
public final class LibraryBackups {

    public static final int KEPT = 7;
    static final Duration DAILY = Duration.ofHours(24);
    private static final String PREFIX = "cesta-";
    private static final String SUFFIX = ".db";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Path dataDir;
    private final Path folder;
    private final Clock clock;

    public LibraryBackups(Path dataDir) {
        this(dataDir, Clock.systemUTC());
    }

    LibraryBackups(Path dataDir, Clock clock) {
        this.dataDir = dataDir;
        this.folder = dataDir.resolve("backups");
        this.clock = clock;
    }

    /** A consistent copy of the library open on {@code connection}; {@code reason} names it. */
    public Path backUp(Connection connection, String reason) throws IOException, SQLException {
        Files.createDirectories(folder);
        Path target = folder.resolve(PREFIX + STAMP.format(clock.instant()) + "-" + reason + SUFFIX);
        Path partial = folder.resolve(target.getFileName() + "." + UUID.randomUUID() + ".part");
        try (Statement statement = connection.createStatement()) {
            // sqlite-jdbc's statement for sqlite3_backup_*: page by page, consistent with writers.
            statement.executeUpdate("backup to '" + partial.toString().replace("'", "''") + "'");
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        prune();
        return target;
    }

    /** Whether the newest backup is older than a day (or there is none). */
    public boolean dailyDue() throws IOException {
        return newest().map(b -> lastModified(b).plus(DAILY).isBefore(clock.instant()))
                .orElse(true);
    }

    /** The backups, newest first. */
    public List<Path> all() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(LibraryBackups::isBackup)
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString())
                            .reversed())
                    .toList();
        }
    }

    public Optional<Path> newest() throws IOException {
        return all().stream().findFirst();
    }

    /**
     * Puts {@code backup} in the library's place. The library must be closed. The replaced library
     * (and its WAL) is moved aside as {@code cesta.db.<reason>-<time>}, never deleted. Returns where it
     * went, or empty when there was none.
     */
    public Optional<Path> restore(Path backup, String reason) throws IOException {
        checkIsALibrary(backup);
        Path database = dataDir.resolve("cesta.db");
        Optional<Path> aside = moveAside(reason);
        Path partial = dataDir.resolve("cesta.db." + UUID.randomUUID() + ".part");
        Files.copy(backup, partial);
        Files.move(partial, database, StandardCopyOption.ATOMIC_MOVE);
        return aside;
    }

    /** Moves the library file and its WAL out of the way (a damaged library, before a new one). */
    public Optional<Path> moveAside(String reason) throws IOException {
        Path database = dataDir.resolve("cesta.db");
        if (!Files.exists(database)) {
            return Optional.empty();
        }
        Path aside = dataDir.resolve("cesta.db." + reason + "-" + STAMP.format(clock.instant()));
        for (String companion : List.of("-wal", "-shm")) {
            Path file = dataDir.resolve("cesta.db" + companion);
            if (Files.exists(file)) {
                Files.move(file, dataDir.resolve(aside.getFileName() + companion));
            }
        }
        Files.move(database, aside);
        return Optional.of(aside);
    }

    /** Refuses a file that is not a sound Cesta library: restoring it would only move the damage. */
    static void checkIsALibrary(Path file) throws IOException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:file:" + file + "?mode=ro");
                Statement statement = connection.createStatement();
                ResultSet check = statement.executeQuery("PRAGMA quick_check")) {
            String verdict = check.getString(1);
            if (!"ok".equals(verdict)) {
                throw new IOException(file.getFileName() + " is damaged too: " + verdict);
            }
            int version = Migrations.version(connection);
            if (version < 1 || version > Migrations.STEPS.size()) {
                throw new IOException(file.getFileName() + " is not a library of this Cesta (schema " + version + ")");
            }
        } catch (SQLException e) {
            throw new IOException(file.getFileName() + " is not a Cesta library: " + e.getMessage(), e);
        }
    }

    private void prune() throws IOException {
        List<Path> backups = all();
        for (Path old : backups.subList(Math.min(KEPT, backups.size()), backups.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static boolean isBackup(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
    }

    private static Instant lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }
}

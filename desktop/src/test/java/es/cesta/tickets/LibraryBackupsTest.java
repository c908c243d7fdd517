package es.cesta.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.cesta.service.TestServices;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryBackupsTest {

    private static final Path TICKET = TestServices.ES_DEV.resolve("mercadona-2023-11-25-d5cb91a5.pdf");

    /** A library with one read ticket, and the person's correction of its shop. */
    private static UUID libraryWithOneTicket(Path home) throws IOException {
        try (TicketStore store = TicketStore.open(home)) {
            UUID id = store.register(TICKET).ticketId();
            store.markDone(id, TicketStoreTestSupport.reading(id, "MERCADONA", new BigDecimal("37.76")));
            store.corrections().save(id, "shop_name", "Mercadona Burjassot");
            return id;
        }
    }

    @Test
    void aDamagedLibraryIsRefusedAsDamagedAndRestoredFromItsBackupWithTheCorrections(@TempDir Path home)
            throws Exception {
        UUID id = libraryWithOneTicket(home);
        assertEquals(1, new LibraryBackups(home).all().size(), "the first ticket's library got its daily backup");
        Path afterTheCorrection;
        try (TicketStore store = TicketStore.open(home)) {
            afterTheCorrection = store.backUp("manual");
        }
        assertEquals(afterTheCorrection, new LibraryBackups(home).newest().orElseThrow());

        TicketStoreTestSupport.damageTheLibrary(home);
        DamagedLibraryException refused = assertThrows(DamagedLibraryException.class, () -> TicketStore.open(home));
        assertTrue(refused.getMessage().contains("damaged"), refused.getMessage());

        Path aside =
                new LibraryBackups(home).restore(afterTheCorrection, "damaged").orElseThrow();
        assertTrue(Files.exists(aside), "the damaged library is kept, never deleted");
        try (TicketStore store = TicketStore.open(home)) {
            Ticket restored = store.find(id).orElseThrow();
            assertEquals(new BigDecimal("37.76"), restored.total());
            assertEquals("Mercadona Burjassot", restored.shopName(), "the person's correction came back too");
        }
        try (Stream<Path> originals = Files.list(home.resolve("files"))) {
            assertEquals(1, originals.count(), "the originals are untouched");
        }
    }

    @Test
    void theNewestSevenAreKept(@TempDir Path home) throws Exception {
        libraryWithOneTicket(home);
        List<Path> made = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("cesta.db"))) {
            for (int day = 1; day <= 9; day++) {
                Clock clock =
                        Clock.fixed(Instant.parse("2030-01-01T10:00:00Z").plus(Duration.ofDays(day)), ZoneOffset.UTC);
                made.add(new LibraryBackups(home, clock).backUp(connection, "manual"));
            }
        }
        List<Path> kept = new LibraryBackups(home).all();
        assertEquals(LibraryBackups.KEPT, kept.size());
        assertEquals(made.get(8), kept.get(0), "newest first");
        assertTrue(kept.containsAll(made.subList(2, 9)));
        for (Path backup : kept) {
            LibraryBackups.checkIsALibrary(backup); // each one is a sound, complete library
        }
    }

    @Test
    void theDailyBackupIsMadeOnceADayAndOnlyForALibraryWithTickets(@TempDir Path home) throws Exception {
        try (TicketStore empty = TicketStore.open(home)) {
            assertTrue(empty.backups().all().isEmpty());
        }
        libraryWithOneTicket(home);
        try (TicketStore again = TicketStore.open(home)) {
            assertEquals(1, again.backups().all().size(), "not a second one the same day");
            Path newest = again.backups().newest().orElseThrow();
            Files.setLastModifiedTime(
                    newest, java.nio.file.attribute.FileTime.from(Instant.now().minus(Duration.ofHours(25))));
            again.library().backUpIfDue();
            assertEquals(2, again.backups().all().size(), "a day later, another");
        }
    }

    @Test
    void aLibraryOfTheFirstSchemaOpensWithItsTicketsAndLinesWithoutACategoryYet(@TempDir Path home) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("cesta.db"));
                java.sql.Statement sql = connection.createStatement()) {
            Migrations.apply(connection, Migrations.STEPS.subList(0, 1), from -> {});
            sql.execute("INSERT INTO tickets (id, sha256, file_name, stored_path, state, imported_at, updated_at, "
                    + "shop_name, purchase_date, total) VALUES ('" + java.util.UUID.randomUUID()
                    + "', 'abc', 't.pdf', 'files/abc.pdf', 'done', '2025-01-01', '2025-01-01', 'DIA', '2025-01-14', "
                    + "'2.00')");
            sql.execute("INSERT INTO items (ticket_id, position, kind, description, amount) "
                    + "SELECT id, 0, 'item', 'PAN', '2.00' FROM tickets");
        }
        try (TicketStore store = TicketStore.open(home)) {
            Ticket ticket = store.all().get(0);
            assertEquals("DIA", ticket.shopName());
            assertEquals(null, store.items(ticket.id()).get(0).category());
            assertEquals(1, new CategoryMemory(store).lines().size());
            assertTrue(store.backups()
                    .newest()
                    .orElseThrow()
                    .getFileName()
                    .toString()
                    .endsWith("before-schema-2.db"));
        }
    }

    @Test
    void aSchemaChangeIsPrecededByABackupOfTheLibraryAsItWas(@TempDir Path home) throws Exception {
        libraryWithOneTicket(home);
        List<String> nextVersion = new ArrayList<>(Migrations.STEPS);
        nextVersion.add("ALTER TABLE tickets ADD COLUMN added_by_this_test TEXT;\n");
        List<Integer> backedUpFrom = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("cesta.db"))) {
            LibraryBackups backups = new LibraryBackups(home);
            Migrations.apply(connection, nextVersion, from -> {
                backedUpFrom.add(from);
                backups.backUp(connection, "before-schema-" + (from + 1));
            });
            assertEquals(nextVersion.size(), Migrations.version(connection));
            Path before = backups.newest().orElseThrow();
            assertTrue(
                    before.getFileName().toString().endsWith("before-schema-" + nextVersion.size() + ".db"),
                    before.toString());
            try (Connection old = DriverManager.getConnection("jdbc:sqlite:" + before)) {
                assertEquals(
                        Migrations.STEPS.size(),
                        Migrations.version(old),
                        "the backup is the library before the change");
            }
        }
        assertEquals(List.of(Migrations.STEPS.size()), backedUpFrom);
    }

    @Test
    void aFileThatIsNotALibraryIsNeverRestored(@TempDir Path home) throws Exception {
        libraryWithOneTicket(home);
        Path notALibrary = home.resolve("holiday.jpg");
        Files.write(notALibrary, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3});
        LibraryBackups backups = new LibraryBackups(home);
        assertThrows(IOException.class, () -> backups.restore(notALibrary, "replaced"));
        try (TicketStore store = TicketStore.open(home)) {
            assertEquals(1, store.all().size(), "the library in place is untouched");
        }
    }
}

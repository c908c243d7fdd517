package es.cesta.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.cesta.service.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watch's looks on a played clock, against a real folder and a real library. */
class FolderWatchTest {

    private static final Path TICKET = TestServices.ES_DEV.resolve("mercadona-2023-11-25-d5cb91a5.pdf");
    private static final Path OTHER = TestServices.ES_DEV.resolve("dia-2025-01-14-22b07d75.pdf");

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-02T10:00:00Z"));

    private void later(java.time.Duration step) {
        now.set(now.get().plus(step));
    }

    @Test
    void aFileThereAtStartIsHandedOverOnceItHeldStill(@TempDir Path home, @TempDir Path folder) throws Exception {
        Files.copy(TICKET, folder.resolve("ticket.pdf"));
        try (TicketStore store = TicketStore.open(home)) {
            FolderWatch watch = new FolderWatch(folder, store, now::get);
            assertEquals(List.of(), watch.look(), "seen once: it may still be growing");
            later(FolderWatch.SETTLE);
            assertEquals(List.of(folder.resolve("ticket.pdf")), watch.look());
            later(FolderWatch.SETTLE);
            assertEquals(List.of(), watch.look(), "handed over once");
        }
    }

    @Test
    void aFileStillBeingWrittenIsNotReadHalfWay(@TempDir Path home, @TempDir Path folder) throws Exception {
        byte[] bytes = Files.readAllBytes(TICKET);
        Path growing = folder.resolve("sub").resolve("photo.pdf");
        Files.createDirectories(growing.getParent());
        Files.write(growing, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        try (TicketStore store = TicketStore.open(home)) {
            FolderWatch watch = new FolderWatch(folder, store, now::get);
            assertEquals(List.of(), watch.look());
            later(FolderWatch.SETTLE.minusSeconds(1));
            Files.write(
                    growing,
                    java.util.Arrays.copyOfRange(bytes, bytes.length / 2, bytes.length),
                    StandardOpenOption.APPEND);
            later(FolderWatch.SETTLE);
            assertEquals(List.of(), watch.look(), "it grew since the last look");
            later(FolderWatch.SETTLE);
            List<Path> handed = watch.look();
            assertEquals(List.of(growing), handed);
            assertEquals(bytes.length, Files.size(handed.get(0)), "whole");
        }
    }

    @Test
    void filesTheLibraryHoldsAndFilesThatAreNoTicketsAreLeftInSilence(@TempDir Path home, @TempDir Path folder)
            throws Exception {
        Files.copy(TICKET, folder.resolve("imported-before.pdf"));
        Files.copy(OTHER, folder.resolve("new.pdf"));
        Files.copy(OTHER, folder.resolve("new.pdf.crdownload"));
        Files.copy(OTHER, folder.resolve(".hidden.pdf"));
        Files.writeString(folder.resolve("notes.txt"), "milk, bread");
        try (TicketStore store = TicketStore.open(home)) {
            store.register(TICKET);
            FolderWatch watch = new FolderWatch(folder, store, now::get);
            watch.look();
            later(FolderWatch.SETTLE);
            assertEquals(List.of(folder.resolve("new.pdf")), watch.look());
            assertTrue(store.holds(folder.resolve("imported-before.pdf")));
        }
    }
}

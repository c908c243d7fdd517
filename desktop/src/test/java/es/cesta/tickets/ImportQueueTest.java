package es.cesta.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.cesta.client.IntelligenceClient;
import es.cesta.service.RestartPolicy;
import es.cesta.service.ServiceState;
import es.cesta.service.ServiceSupervisor;
import es.cesta.service.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportQueueTest {

    static List<Path> tickets(String prefix, int count) throws Exception {
        try (Stream<Path> files = Files.list(TestServices.ES_DEV)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)
                            && p.toString().endsWith(".pdf"))
                    .sorted()
                    .limit(count)
                    .toList();
        }
    }

    @Test
    void kill9OfTheServiceMidImportStoresEveryTicketExactlyOnce(@TempDir Path home) throws Exception {
        // Scans take about a second each, so the kill lands in the middle of the import.
        List<Path> tickets = new java.util.ArrayList<>(tickets("scan-", 15));
        tickets.addAll(tickets("mercadona-", 15));
        assertEquals(30, tickets.size());
        try (ServiceSupervisor service = new ServiceSupervisor(TestServices.config(), RestartPolicy.standard());
                TicketStore store = TicketStore.open(home)) {
            service.start();
            assertTrue(service.awaitState(ServiceState.READY, TestServices.SERVICE_BOUND));
            List<ImportQueue.Event> events = new CopyOnWriteArrayList<>();
            try (ImportQueue queue = new ImportQueue(store, new IntelligenceClient(service), 2)) {
                queue.addListener(events::add);
                List<CompletableFuture<ImportQueue.Event>> jobs = queue.submit(tickets);
                while (events.stream()
                                .filter(e -> e.state() == ImportState.DONE)
                                .count()
                        < 3) {
                    Thread.sleep(5);
                }
                long doneBeforeKill = events.stream()
                        .filter(e -> e.state() == ImportState.DONE)
                        .count();
                ProcessHandle.of(service.servicePid()).orElseThrow().destroyForcibly();
                assertTrue(doneBeforeKill < 30, "the import had already finished");
                List<ImportQueue.Event> results =
                        jobs.stream().map(CompletableFuture::join).toList();
                assertTrue(
                        results.stream().allMatch(e -> e.state() == ImportState.DONE),
                        results.stream()
                                .filter(e -> e.state() != ImportState.DONE)
                                .toList()
                                .toString());
            }
            List<Ticket> stored = store.all();
            assertEquals(30, stored.size());
            assertTrue(stored.stream().allMatch(t -> t.state() == ImportState.DONE && t.total() != null));
            assertEquals(30, stored.stream().map(Ticket::sha256).distinct().count());
        }
    }

    @Test
    void cancellingKeepsTheWaitingFilesAsFailedWithTheReasonAndRetryImportsThem(@TempDir Path home) throws Exception {
        List<Path> scans = tickets("scan-", 6);
        try (ServiceSupervisor service = new ServiceSupervisor(TestServices.config(), RestartPolicy.standard());
                TicketStore store = TicketStore.open(home);
                ImportQueue queue = new ImportQueue(store, new IntelligenceClient(service), 1)) {
            service.start();
            assertTrue(service.awaitState(ServiceState.READY, TestServices.SERVICE_BOUND));
            List<ImportQueue.Event> events = new CopyOnWriteArrayList<>();
            queue.addListener(events::add);
            List<CompletableFuture<ImportQueue.Event>> jobs = queue.submit(scans);
            int cancelled = queue.cancelWaiting(); // one worker, ~1 s a scan: at most one has started
            assertTrue(cancelled >= 5, "cancelled " + cancelled);
            List<ImportQueue.Event> results =
                    jobs.stream().map(CompletableFuture::join).toList();
            assertEquals(
                    cancelled,
                    results.stream()
                            .filter(e -> ImportQueue.CANCELLED.equals(e.message()))
                            .count());
            assertEquals(
                    cancelled,
                    events.stream()
                            .filter(e -> ImportQueue.CANCELLED.equals(e.message()))
                            .count(),
                    "each cancelled file is said once");
            List<Ticket> stored = store.all();
            assertEquals(6, stored.size(), "nothing is lost");
            List<Ticket> failed =
                    stored.stream().filter(t -> t.state() == ImportState.FAILED).toList();
            assertEquals(cancelled, failed.size());
            assertTrue(failed.stream().allMatch(t -> ImportQueue.CANCELLED.equals(t.failure())));
            ImportQueue.Event retried = queue.readAgain(failed.get(0).id()).join();
            assertEquals(ImportState.DONE, retried.state());
            assertTrue(store.find(failed.get(0).id()).orElseThrow().total() != null);
        }
    }

    @Test
    void aTicketReadAgainGetsTheNewReadingAndKeepsThePersonsCorrections(@TempDir Path home) throws Exception {
        Path ticket = tickets("mercadona-", 1).get(0);
        try (ServiceSupervisor service = new ServiceSupervisor(TestServices.config(), RestartPolicy.standard());
                TicketStore store = TicketStore.open(home);
                ImportQueue queue = new ImportQueue(store, new IntelligenceClient(service), 1)) {
            service.start();
            assertTrue(service.awaitState(ServiceState.READY, TestServices.SERVICE_BOUND));
            java.util.UUID id = queue.submit(List.of(ticket)).get(0).join().ticketId();
            List<TicketStore.ItemRow> items = store.items(id);
            assertFalse(items.isEmpty());
            es.cesta.client.PageBoxes boxes = store.reading(id).boxes();
            assertTrue(boxes.total() != null && boxes.items().size() == items.size(), "where each was read: " + boxes);
            store.corrections().save(id, TicketField.SHOP_NAME.key(), "MY CORNER SHOP");
            store.corrections().save(id, items.get(0).field(LineColumn.DESCRIPTION), "BREAD");
            store.corrections().save(id, items.get(1).removalField(), "yes");
            String added = store.addLine(id);
            TicketStore.ItemRow own = store.items(id).stream()
                    .filter(i -> i.removalField().equals(added))
                    .findFirst()
                    .orElseThrow();
            store.corrections().save(id, own.field(LineColumn.DESCRIPTION), "NEWSPAPER");
            store.corrections().save(id, own.field(LineColumn.AMOUNT), "1.80");
            List<ImportQueue.Event> events = new CopyOnWriteArrayList<>();
            queue.addListener(events::add);

            ImportQueue.Event again = queue.readAgain(id).join();

            assertEquals(ImportState.DONE, again.state(), again.message());
            Ticket reread = store.find(id).orElseThrow();
            assertEquals(
                    List.of(ImportState.PROCESSING, ImportState.DONE),
                    events.stream().map(ImportQueue.Event::state).toList(),
                    "read again by the service, not left as it was");
            assertEquals("MY CORNER SHOP", reread.shopName());
            List<TicketStore.ItemRow> now = store.items(id);
            assertEquals(
                    items.size(), now.size(), "the service's lines replaced, one still removed, the person's kept");
            assertEquals("BREAD", now.get(0).description());
            assertTrue(now.stream()
                    .noneMatch(i ->
                            i.position() == items.get(1).position() && i.kind().equals("item")));
            assertTrue(now.stream().anyMatch(i -> "NEWSPAPER".equals(i.description()) && "1.80".equals(i.amount())));
            assertEquals(items.stream().filter(i -> i.kind().equals("item")).count(), reread.items());
            assertEquals(1, store.all().size());
            assertEquals(boxes, store.reading(id).boxes(), "the new reading's boxes, the same page");
        }
    }

    @Test
    void ticketsACrashLeftUnfinishedAreResumed(@TempDir Path home) throws Exception {
        List<Path> tickets = tickets("mercadona-", 3);
        try (TicketStore store = TicketStore.open(home)) {
            store.register(tickets.get(0)); // queued when the app died
            store.markProcessing(store.register(tickets.get(1)).ticketId()); // processing when it died
        }
        try (ServiceSupervisor service = new ServiceSupervisor(TestServices.config(), RestartPolicy.standard());
                TicketStore store = TicketStore.open(home);
                ImportQueue queue = new ImportQueue(store, new IntelligenceClient(service), 2)) {
            service.start();
            assertTrue(service.awaitState(ServiceState.READY, TestServices.SERVICE_BOUND));
            List<ImportQueue.Event> resumed = queue.resumeUnfinished().stream()
                    .map(CompletableFuture::join)
                    .toList();
            assertEquals(2, resumed.size());
            assertTrue(resumed.stream().allMatch(e -> e.state() == ImportState.DONE));
            List<ImportQueue.Event> again =
                    queue.submit(tickets).stream().map(CompletableFuture::join).toList();
            assertEquals(
                    List.of(true, true, false),
                    again.stream().map(ImportQueue.Event::duplicate).toList());
            assertEquals(3, store.all().size());
        }
    }

    @Test
    void filesThatAreNotTicketsAreRefusedWithAReasonAndNotStored(@TempDir Path home, @TempDir Path inbox)
            throws Exception {
        Files.writeString(inbox.resolve("notes.pdf"), "just some notes, not a PDF at all");
        Files.write(inbox.resolve("empty.png"), new byte[0]);
        try (TicketStore store = TicketStore.open(home);
                ImportQueue queue = new ImportQueue(store, null, 1)) {
            List<ImportQueue.Event> events = queue.submit(List.of(inbox)).stream()
                    .map(CompletableFuture::join)
                    .toList();
            assertEquals(2, events.size());
            assertTrue(events.stream().allMatch(e -> e.state() == ImportState.FAILED && e.ticketId() == null));
            assertEquals(
                    List.of("the file is empty", ImportQueue.NOT_A_TICKET),
                    events.stream().map(ImportQueue.Event::message).toList());
            assertTrue(store.all().isEmpty());
        }
    }

    @Test
    void aRefusalNamesThePersonsFileNotTheLibrarysCopy(@TempDir Path home, @TempDir Path inbox) throws Exception {
        byte[] pdf = Files.readAllBytes(tickets("mercadona-", 1).get(0));
        Path truncated = Files.write(inbox.resolve("ticket del lunes.pdf"), java.util.Arrays.copyOf(pdf, 600));
        try (ServiceSupervisor service = new ServiceSupervisor(TestServices.config(), RestartPolicy.standard());
                TicketStore store = TicketStore.open(home);
                ImportQueue queue = new ImportQueue(store, new IntelligenceClient(service), 1)) {
            service.start();
            assertTrue(service.awaitState(ServiceState.READY, TestServices.SERVICE_BOUND), service.lastError());
            ImportQueue.Event event = queue.submit(List.of(truncated)).get(0).join();
            assertEquals(ImportState.FAILED, event.state());
            assertTrue(event.message().contains("'ticket del lunes.pdf'"), event.message());
            String stored = store.find(event.ticketId())
                    .orElseThrow()
                    .storedFile()
                    .getFileName()
                    .toString();
            assertFalse(event.message().contains(stored.substring(0, 12)), event.message());
        }
    }
}

package es.cesta.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.cesta.client.IntelligenceClient;
import es.cesta.service.RestartPolicy;
import es.cesta.service.ServiceState;
import es.cesta.service.ServiceSupervisor;
import es.cesta.service.TestServices;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk fills up (an injected "database or disk is full" on every state change, from a second
 * connection, as a full disk would refuse the writes) while a ticket is being stored.
 */
class StoringFailsTest {

    private static final String DISK_FULL = "CREATE TRIGGER disk_full BEFORE UPDATE OF state ON tickets "
            + "WHEN NEW.state IN ('done', 'failed') BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END";

    @Test
    void aFullDiskWhileStoringEndsTheImportAsFailedLosesNothingAndTheTicketIsReadLater(@TempDir Path home)
            throws Exception {
        List<Path> tickets = ImportQueueTest.tickets("mercadona-", 2);
        Path database = home.resolve("cesta.db");
        try (ServiceSupervisor service = new ServiceSupervisor(TestServices.config(), RestartPolicy.standard());
                TicketStore store = TicketStore.open(home);
                ImportQueue queue = new ImportQueue(store, new IntelligenceClient(service), 1)) {
            service.start();
            assertTrue(service.awaitState(ServiceState.READY, TestServices.SERVICE_BOUND), service.lastError());
            ImportQueue.Event first =
                    queue.submit(List.of(tickets.get(0))).get(0).get(TestServices.SERVICE_BOUND_S, TimeUnit.SECONDS);
            assertEquals(ImportState.DONE, first.state());

            execute(database, DISK_FULL);
            List<ImportQueue.Event> events = new CopyOnWriteArrayList<>();
            queue.addListener(events::add);
            ImportQueue.Event second =
                    queue.submit(List.of(tickets.get(1))).get(0).get(TestServices.SERVICE_BOUND_S, TimeUnit.SECONDS);
            assertEquals(ImportState.FAILED, second.state(), "the window is told: no row stays 'reading'");
            assertTrue(second.message().contains("disk is full"), second.message());
            assertEquals(ImportState.FAILED, events.get(events.size() - 1).state());

            Ticket kept = store.find(first.ticketId()).orElseThrow();
            assertEquals(ImportState.DONE, kept.state(), "what was stored before is intact");
            assertEquals(first.ticketId(), kept.id());
            assertTrue(kept.total() != null);
            assertEquals(
                    List.of(second.ticketId()),
                    store.unfinished().stream().map(Ticket::id).toList(),
                    "the ticket whose reading could not be stored stays unfinished, to be read again");

            execute(database, "DROP TRIGGER disk_full"); // space again
            List<ImportQueue.Event> resumed =
                    queue.resumeUnfinished().stream().map(job -> job.join()).toList();
            assertEquals(1, resumed.size());
            assertEquals(ImportState.DONE, resumed.get(0).state());
            assertEquals(
                    2,
                    store.all().stream()
                            .filter(t -> t.state() == ImportState.DONE)
                            .count());
        }
    }

    private static void execute(Path database, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 5000");
            statement.execute(sql);
        }
    }
}

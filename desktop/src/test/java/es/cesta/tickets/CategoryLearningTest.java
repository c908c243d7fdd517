package es.cesta.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.cesta.client.IntelligenceClient;
import es.cesta.service.RestartPolicy;
import es.cesta.service.ServiceState;
import es.cesta.service.ServiceSupervisor;
import es.cesta.service.TestServices;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real tickets through the real service: a line the person categorised keeps their category on later tickets. */
class CategoryLearningTest {

    private static final Path FIRST = TestServices.ES_DEV.resolve("mercadona-2024-04-23-02765512.pdf");
    private static final Path LATER = TestServices.ES_DEV.resolve("mercadona-2024-10-08-961fa6b7.pdf");
    private static final String SHARED_LINE = "CANÓNIGOS"; // on both tickets

    private static UUID imported(TicketStore store, IntelligenceClient client, Path file) {
        try (ImportQueue queue = new ImportQueue(store, client, 1)) {
            ImportQueue.Event done = queue.submit(List.of(file)).get(0).join();
            assertEquals(ImportState.DONE, done.state(), done.message());
            return done.ticketId();
        }
    }

    private static TicketStore.ItemRow lineOf(TicketStore store, UUID ticket) {
        return store.items(ticket).stream()
                .filter(i -> i.description().equals(SHARED_LINE))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aCorrectionMadeBeforeARestartCategorisesTheSameLineOfALaterTicket(@TempDir Path home) throws Exception {
        try (ServiceSupervisor service = new ServiceSupervisor(TestServices.config(), RestartPolicy.standard())) {
            service.start();
            assertTrue(service.awaitState(ServiceState.READY, TestServices.SERVICE_BOUND));
            IntelligenceClient client = new IntelligenceClient(service);
            try (TicketStore store = TicketStore.open(home)) {
                UUID first = imported(store, client, FIRST);
                TicketStore.ItemRow read = lineOf(store, first);
                assertEquals("Fruta y verdura", read.category()); // the model's answer, from /ocr/process
                assertTrue(store.items(first).stream()
                        .allMatch(i -> Category.of(i.category()).isPresent()));
                // This person files the bagged salad with the ready meals.
                new CategoryMemory(store).choose(first, read.position(), Category.PIZZAS_AND_READY_MEALS);
            }
            try (TicketStore store = TicketStore.open(home)) { // the window closed and opened again
                UUID later = imported(store, client, LATER);
                TicketStore.ItemRow learnt = lineOf(store, later);
                assertEquals("Pizzas y platos preparados", learnt.category());
                assertEquals(1.0, learnt.categoryConfidence());
                assertTrue(!learnt.categoryByPerson(), "the service gave it, from the person's example");
                // The other lines of the later ticket keep the model's own categories.
                assertTrue(store.items(later).stream()
                        .filter(i -> !i.description().equals(SHARED_LINE))
                        .noneMatch(i -> "Pizzas y platos preparados".equals(i.category())));
            }
        }
    }

    @Test
    void linesStoredWithoutACategoryGetOneWhenTheServiceIsReady(@TempDir Path home) throws Exception {
        try (ServiceSupervisor service = new ServiceSupervisor(TestServices.config(), RestartPolicy.standard());
                TicketStore store = TicketStore.open(home)) {
            UUID old = store.register(FIRST).ticketId();
            // As a library of the previous version holds it: items without a category.
            store.markDone(old, TicketStoreTestSupport.reading(old, "MERCADONA", java.math.BigDecimal.TEN));
            assertEquals(null, store.items(old).get(0).category());
            service.start();
            assertTrue(service.awaitState(ServiceState.READY, TestServices.SERVICE_BOUND));
            assertEquals(1, new CategoryBackfill(store, new IntelligenceClient(service)).run());
            assertEquals("Panadería y pastelería", store.items(old).get(0).category());
            assertEquals(0, new CategoryBackfill(store, new IntelligenceClient(service)).run());
        }
    }
}

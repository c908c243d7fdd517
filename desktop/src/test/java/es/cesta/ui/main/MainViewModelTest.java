package es.cesta.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.cesta.service.ServiceState;
import es.cesta.tickets.ImportQueue;
import es.cesta.tickets.TicketStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The view model without a toolkit: background and UI work both run on the calling thread. */
class MainViewModelTest {

    @Test
    void refusedFilesBecomeAMessageAndNoRow(@TempDir Path home, @TempDir Path inbox) throws Exception {
        Path notes = Files.writeString(inbox.resolve("notes.txt"), "milk");
        try (TicketStore store = TicketStore.open(home); ImportQueue queue = new ImportQueue(store, null, 1)) {
            MainViewModel viewModel = new MainViewModel(store, queue, Runnable::run, Runnable::run, request -> { throw new IllegalStateException("no service in this test"); });
            viewModel.importFiles(List.of(notes));
            assertTrue(viewModel.rows().isEmpty());
            assertEquals("notes.txt was not imported: not a PDF, JPEG or PNG ticket", viewModel.messageProperty().get());
            assertEquals("1 of 1 files", viewModel.progressTextProperty().get());
            assertEquals(1.0, viewModel.progressProperty().get());
        }
    }

    @Test
    void serviceStatesAreWordedForTheStatusBar(@TempDir Path home) {
        try (TicketStore store = TicketStore.open(home); ImportQueue queue = new ImportQueue(store, null, 1)) {
            MainViewModel viewModel = new MainViewModel(store, queue, Runnable::run, Runnable::run, request -> { throw new IllegalStateException("no service in this test"); });
            viewModel.serviceChanged(ServiceState.READY, 5, "");
            assertEquals("Service ready (5 workers)", viewModel.serviceStatusProperty().get());
            assertFalse(viewModel.serviceFailedProperty().get());
            viewModel.serviceChanged(ServiceState.FAILED, 0, "start failed: no module named ocr_service");
            assertEquals("Service failed: start failed: no module named ocr_service", viewModel.serviceStatusProperty().get());
            assertTrue(viewModel.serviceFailedProperty().get());
        }
    }

    @Test
    void theLibraryIsLoadedFromTheStore(@TempDir Path home, @TempDir Path inbox) throws Exception {
        Path ticket = Files.writeString(inbox.resolve("t.pdf"), "%PDF-1.4 a ticket");
        try (TicketStore store = TicketStore.open(home); ImportQueue queue = new ImportQueue(store, null, 1)) {
            store.register(ticket);
            MainViewModel viewModel = new MainViewModel(store, queue, Runnable::run, Runnable::run, request -> { throw new IllegalStateException("no service in this test"); });
            viewModel.load();
            assertEquals(1, viewModel.rows().size());
            assertEquals("queued", viewModel.rows().get(0).stateProperty().get());
        }
    }

    @Test
    void searchFiltersTheRowsAndTheTotalOfWhatIsShown(@TempDir Path home, @TempDir Path inbox) throws Exception {
        try (TicketStore store = TicketStore.open(home); ImportQueue queue = new ImportQueue(store, null, 1)) {
            for (int i = 0; i < 3; i++) {
                java.util.UUID id = store.register(Files.writeString(inbox.resolve(i + ".pdf"), "%PDF-1.4 " + i)).ticketId();
                store.markDone(id, es.cesta.tickets.TicketStoreTestSupport.reading(id, i == 2 ? "DIA" : "MERCADONA",
                        new java.math.BigDecimal(i == 2 ? "8.76" : "10.00")));
            }
            MainViewModel viewModel = new MainViewModel(store, queue, Runnable::run, Runnable::run,
                    request -> { throw new IllegalStateException("no service in this test"); });
            viewModel.load();
            assertEquals("3 tickets, 28.76 in all", viewModel.shownSummaryProperty().get());
            viewModel.searchProperty().set("mercadona");
            assertEquals(2, viewModel.shownRows().size());
            assertEquals("2 tickets, 20.00 in all", viewModel.shownSummaryProperty().get());
            viewModel.searchProperty().set("8,76");
            assertEquals(1, viewModel.shownRows().size());
            viewModel.searchProperty().set("");
            assertEquals(3, viewModel.shownRows().size());
            assertTrue(viewModel.nextShopProperty().get().startsWith("The next-shop prediction is not available"));
        }
    }
}

package es.cesta.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.cesta.service.ServiceState;
import es.cesta.tickets.ImportQueue;
import es.cesta.tickets.ImportState;
import es.cesta.tickets.LineColumn;
import es.cesta.tickets.TicketStore;
import es.cesta.tickets.TicketStoreTestSupport;
import es.cesta.ui.BackgroundTasks;
import es.cesta.ui.Texts;
import es.cesta.ui.spending.SpendingViewModel;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The view model without a toolkit: background and UI work both run on the calling thread. */
class MainViewModelTest {

    private static MainViewModel viewModel(TicketStore store, ImportQueue queue) {
        return new MainViewModel(
                store,
                queue,
                BackgroundTasks.on(Runnable::run, Runnable::run),
                request -> {
                    throw new IllegalStateException("no service in this test");
                },
                request -> {
                    throw new IllegalStateException("no service in this test");
                },
                Texts.english());
    }

    private static UUID done(
            TicketStore store,
            Path inbox,
            String shop,
            String total,
            LocalDate date,
            Map<String, Double> confidence,
            Map<String, Boolean> checks)
            throws Exception {
        UUID id = store.register(
                        Files.writeString(inbox.resolve(UUID.randomUUID() + ".pdf"), "%PDF-1.4 " + UUID.randomUUID()))
                .ticketId();
        store.markDone(id, TicketStoreTestSupport.reading(id, shop, new BigDecimal(total), date, confidence, checks));
        return id;
    }

    @Test
    void refusedFilesBecomeAMessageAndNoRow(@TempDir Path home, @TempDir Path inbox) throws Exception {
        Path notes = Files.writeString(inbox.resolve("notes.txt"), "milk");
        try (TicketStore store = TicketStore.open(home);
                ImportQueue queue = new ImportQueue(store, null, 1)) {
            MainViewModel viewModel = viewModel(store, queue);
            viewModel.importFiles(List.of(notes));
            assertTrue(viewModel.rows().isEmpty());
            assertEquals(
                    "notes.txt was not imported: not a PDF, JPEG or PNG ticket",
                    viewModel.messageProperty().get());
            assertEquals(
                    "1 of 1 files", viewModel.importProgress().textProperty().get());
            assertEquals(1.0, viewModel.importProgress().fractionProperty().get());
            assertFalse(viewModel.importProgress().importingProperty().get());
        }
    }

    @Test
    void backgroundWorkThatFailsIsToldInTheMessageLine(@TempDir Path home, @TempDir Path inbox) throws Exception {
        TicketStore store = TicketStore.open(home);
        try (ImportQueue queue = new ImportQueue(store, null, 1)) {
            done(store, inbox, "MERCADONA", "12.50", LocalDate.of(2025, 1, 14), Map.of(), Map.of());
            MainViewModel viewModel = viewModel(store, queue);
            viewModel.load();
            TicketRow row = viewModel.rows().get(0);
            store.close(); // the disk gone from under the library
            viewModel.delete(row);
            assertTrue(
                    viewModel.messageProperty().get().startsWith("Something went wrong — Deleting the ticket: "),
                    viewModel.messageProperty().get());
            assertEquals(1, viewModel.rows().size(), "the row stays: nothing was deleted");
            viewModel.select(row);
            assertTrue(
                    viewModel.messageProperty().get().startsWith("Something went wrong — Showing the ticket: "),
                    viewModel.messageProperty().get());
        }
    }

    @Test
    void serviceStatesAreWordedForTheStatusBar(@TempDir Path home) {
        try (TicketStore store = TicketStore.open(home);
                ImportQueue queue = new ImportQueue(store, null, 1)) {
            MainViewModel viewModel = viewModel(store, queue);
            viewModel.serviceChanged(ServiceState.READY, 5, "");
            assertEquals(
                    "Service ready (5 workers)",
                    viewModel.serviceStatusProperty().get());
            assertFalse(viewModel.serviceFailedProperty().get());
            viewModel.serviceChanged(ServiceState.FAILED, 0, "start failed: no module named ocr_service");
            assertEquals(
                    "Service failed: start failed: no module named ocr_service",
                    viewModel.serviceStatusProperty().get());
            assertTrue(viewModel.serviceFailedProperty().get());
        }
    }

    @Test
    void theLibraryIsLoadedFromTheStore(@TempDir Path home, @TempDir Path inbox) throws Exception {
        Path ticket = Files.writeString(inbox.resolve("t.pdf"), "%PDF-1.4 a ticket");
        try (TicketStore store = TicketStore.open(home);
                ImportQueue queue = new ImportQueue(store, null, 1)) {
            store.register(ticket);
            MainViewModel viewModel = viewModel(store, queue);
            viewModel.load();
            assertEquals(1, viewModel.rows().size());
            assertEquals("queued", viewModel.rows().get(0).stateProperty().get());
        }
    }

    @Test
    void searchFiltersTheRowsAndTheTotalOfWhatIsShown(@TempDir Path home, @TempDir Path inbox) throws Exception {
        try (TicketStore store = TicketStore.open(home);
                ImportQueue queue = new ImportQueue(store, null, 1)) {
            for (int i = 0; i < 3; i++) {
                done(
                        store,
                        inbox,
                        i == 2 ? "DIA" : "MERCADONA",
                        i == 2 ? "8.76" : "10.00",
                        LocalDate.of(2025, 1, 14),
                        Map.of(),
                        Map.of());
            }
            MainViewModel viewModel = viewModel(store, queue);
            viewModel.load();
            assertEquals(
                    "3 tickets, €28.76 in all", viewModel.shownSummaryProperty().get());
            viewModel.searchProperty().set("mercadona");
            assertEquals(2, viewModel.shownRows().size());
            assertEquals(
                    "2 tickets, €20.00 in all", viewModel.shownSummaryProperty().get());
            viewModel.searchProperty().set("8,76");
            assertEquals(1, viewModel.shownRows().size());
            assertEquals(
                    "1 ticket, €8.76 in all", viewModel.shownSummaryProperty().get());
            viewModel.searchProperty().set("");
            assertEquals(3, viewModel.shownRows().size());
        }
    }

    @Test
    void theNextShopIsAskedOnlyOnceTheServiceIsReady(@TempDir Path home, @TempDir Path inbox) throws Exception {
        try (TicketStore store = TicketStore.open(home);
                ImportQueue queue = new ImportQueue(store, null, 1)) {
            done(store, inbox, "DIA", "8.76", LocalDate.of(2025, 1, 14), Map.of(), Map.of());
            java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
            MainViewModel viewModel = new MainViewModel(
                    store,
                    queue,
                    BackgroundTasks.on(Runnable::run, Runnable::run),
                    request -> {
                        asked.incrementAndGet();
                        throw new IllegalStateException("the model is not loaded");
                    },
                    request -> {
                        throw new IllegalStateException("the model is not loaded");
                    },
                    Texts.english());
            viewModel.load();
            viewModel.serviceChanged(ServiceState.STARTING, 0, "");
            assertEquals(0, asked.get(), "nothing asked of a service that is starting");
            assertEquals(
                    "Waiting for the intelligence service to start…",
                    viewModel.nextShop().textProperty().get());
            viewModel.serviceChanged(ServiceState.READY, 2, "");
            assertEquals(1, asked.get());
            assertEquals(
                    "The next-shop prediction is not available yet: the model is not loaded",
                    viewModel.nextShop().textProperty().get());
            viewModel.serviceChanged(ServiceState.READY, 2, "");
            assertEquals(1, asked.get(), "still ready: not asked again without a change");
        }
    }

    @Test
    void aRetryAfterAnImportCountsAsANewRunOfOneFile() {
        ImportProgress progress = new ImportProgress();
        UUID first = UUID.randomUUID();
        Path file = Path.of("t.pdf");
        progress.count(new ImportQueue.Event(file, first, ImportState.QUEUED, false, ""));
        progress.count(new ImportQueue.Event(file, first, ImportState.PROCESSING, false, ""));
        progress.count(new ImportQueue.Event(file, first, ImportState.FAILED, false, "damaged"));
        progress.render(Texts.english());
        assertEquals("1 of 1 files", progress.textProperty().get());
        assertFalse(progress.importingProperty().get());

        progress.count(new ImportQueue.Event(file, first, ImportState.PROCESSING, false, "")); // Retry
        progress.render(Texts.english());
        assertEquals("0 of 1 files", progress.textProperty().get());
        assertTrue(progress.importingProperty().get());
        progress.count(new ImportQueue.Event(file, first, ImportState.DONE, false, ""));
        progress.render(Texts.english());
        assertEquals("1 of 1 files", progress.textProperty().get());
        assertEquals(1.0, progress.fractionProperty().get());
    }

    @Test
    void dateRangeAndShopFiltersCombineWithTheSearch(@TempDir Path home, @TempDir Path inbox) throws Exception {
        try (TicketStore store = TicketStore.open(home);
                ImportQueue queue = new ImportQueue(store, null, 1)) {
            done(store, inbox, "MERCADONA", "10.00", LocalDate.of(2025, 1, 5), Map.of(), Map.of());
            done(store, inbox, "MERCADONA", "20.00", LocalDate.of(2025, 2, 5), Map.of(), Map.of());
            done(store, inbox, "DIA", "5.50", LocalDate.of(2025, 2, 20), Map.of(), Map.of());
            done(store, inbox, "LIDL", "7.25", LocalDate.of(2025, 3, 1), Map.of(), Map.of());
            MainViewModel viewModel = viewModel(store, queue);
            viewModel.load();
            assertEquals(List.of("DIA", "LIDL", "MERCADONA"), viewModel.shops());
            viewModel.fromProperty().set(LocalDate.of(2025, 2, 1));
            assertEquals(
                    "3 tickets, €32.75 in all", viewModel.shownSummaryProperty().get());
            viewModel.toProperty().set(LocalDate.of(2025, 2, 28));
            assertEquals(
                    "2 tickets, €25.50 in all", viewModel.shownSummaryProperty().get());
            viewModel.shopProperty().set("MERCADONA");
            assertEquals(
                    "1 ticket, €20.00 in all", viewModel.shownSummaryProperty().get());
            viewModel.fromProperty().set(null);
            assertEquals(
                    "2 tickets, €30.00 in all", viewModel.shownSummaryProperty().get());
            viewModel.searchProperty().set("20.00");
            assertEquals(1, viewModel.shownRows().size());
        }
    }

    @Test
    void doubtfulFieldsAreFlaggedWithTheirReasonAndACorrectionClearsTheDoubt(@TempDir Path home, @TempDir Path inbox)
            throws Exception {
        try (TicketStore store = TicketStore.open(home);
                ImportQueue queue = new ImportQueue(store, null, 1)) {
            UUID id = done(
                    store,
                    inbox,
                    "DIA",
                    "8.76",
                    LocalDate.of(2025, 1, 14),
                    Map.of("shop", 0.55, "date", 0.95, "total", 0.9),
                    Map.of("items_sum_matches_total", false, "taxes_match_total", true));
            MainViewModel viewModel = viewModel(store, queue);
            viewModel.load();
            viewModel.select(viewModel.rows().get(0));
            TicketDetails details = viewModel.details();
            assertEquals(id, details.ticketId());
            assertEquals(
                    "Cesta is not sure of this value (55 %)", details.doubts().get("shop_name"));
            assertFalse(details.doubts().containsKey("purchase_date"));
            assertTrue(
                    details.doubts().get("items").startsWith("the items add up to"),
                    details.doubts().toString());
            assertTrue(details.doubts().containsKey("total"));
            assertFalse(details.doubts().containsKey("taxes"));
            assertEquals(1, details.items().size());
            assertEquals("10", details.taxes().get(0).column(LineColumn.RATE).get());

            details.field("shop_name").set("DIA RETAIL");
            viewModel.saveDetails();
            assertFalse(details.doubts().containsKey("shop_name"), "the person confirmed it");
            assertEquals("DIA RETAIL", viewModel.rows().get(0).shopProperty().get());
        }
    }

    @Test
    void theSelfChecksAreMadeAgainOnTheCorrectedValues(@TempDir Path home, @TempDir Path inbox) throws Exception {
        try (TicketStore store = TicketStore.open(home);
                ImportQueue queue = new ImportQueue(store, null, 1)) {
            // The service read one line of 8.76 and a VAT row adding up to the total 8.76, and
            // found that the items disagreed with the total (what it read was not what is stored).
            done(
                    store,
                    inbox,
                    "DIA",
                    "8.76",
                    LocalDate.of(2025, 1, 14),
                    Map.of(),
                    Map.of("items_sum_matches_total", false, "taxes_match_total", true));
            MainViewModel viewModel = viewModel(store, queue);
            viewModel.load();
            viewModel.select(viewModel.rows().get(0));
            TicketDetails details = viewModel.details();
            assertTrue(details.doubts().containsKey("items"), "the service's verdict while nothing is corrected");

            viewModel.editLine(details.items().get(0), LineColumn.AMOUNT, "8.00");
            assertEquals(
                    "the items add up to 8.00, not to the total 8.76",
                    details.doubts().get("items"));
            assertFalse(details.doubts().containsKey("taxes"), "the VAT table was not touched");

            details.field("total").set("8.00");
            viewModel.saveDetails();
            assertFalse(details.doubts().containsKey("items"), details.doubts().toString());
            assertTrue(
                    details.doubts().get("taxes").endsWith("total 8.00"),
                    "the VAT table no longer adds up to the corrected total: " + details.doubts());
            assertEquals(details.doubts().get("taxes"), details.doubts().get("total"));

            // 7.27 + 0.73 = 8.00: the VAT row now agrees, and nothing is left in amber.
            viewModel.editLine(details.taxes().get(0), LineColumn.BASE, "7.27");
            viewModel.editLine(details.taxes().get(0), LineColumn.AMOUNT, "0.73");
            assertTrue(details.doubts().isEmpty(), details.doubts().toString());
        }
    }

    @Test
    void thePersonAddsAndRemovesLinesAndUndoPutsThemBack(@TempDir Path home, @TempDir Path inbox) throws Exception {
        try (TicketStore store = TicketStore.open(home);
                ImportQueue queue = new ImportQueue(store, null, 1)) {
            UUID id = done(store, inbox, "DIA", "8.76", LocalDate.of(2025, 1, 14), Map.of(), Map.of());
            done(store, inbox, "DIA", "3.00", LocalDate.of(2025, 1, 20), Map.of(), Map.of());
            MainViewModel viewModel = viewModel(store, queue);
            viewModel.load();
            TicketRow row = rowOf(viewModel, id);
            viewModel.select(row);
            TicketDetails details = viewModel.details();
            assertEquals(1, details.items().size());

            viewModel.addLine();
            assertEquals(2, details.items().size());
            assertEquals(
                    "Line added: type what it is and its amount. Ctrl+Z takes it off.",
                    details.statusProperty().get());
            LineRow added = details.items().get(1);
            viewModel.editLine(added, LineColumn.DESCRIPTION, "MILK");
            viewModel.editLine(details.items().get(1), LineColumn.AMOUNT, "1.20");
            assertEquals("MILK", details.items().get(1).value(LineColumn.DESCRIPTION));
            assertEquals(2, row.itemsCell().getValue().key());
            assertEquals(
                    "the items add up to 9.96, not to the total 8.76",
                    details.doubts().get("items"),
                    "the checks follow the added line");

            viewModel.removeLine(details.items().get(0)); // the line the service read
            assertEquals(List.of("MILK"), descriptions(details));
            assertEquals(1, row.itemsCell().getValue().key());
            assertEquals(
                    List.of(LocalDate.of(2025, 1, 20)),
                    store.spending().priceHistory("PAN").stream()
                            .map(es.cesta.tickets.SpendingQueries.PricePoint::date)
                            .toList(),
                    "a removed line is not spent");

            viewModel.undo();
            assertEquals(List.of("PAN", "MILK"), descriptions(details));
            viewModel.undo();
            viewModel.undo();
            viewModel.undo();
            assertEquals(List.of("PAN"), descriptions(details), "undoing the add takes the line off");
            assertEquals(1, row.itemsCell().getValue().key());
        }
    }

    private static TicketRow rowOf(MainViewModel viewModel, UUID id) {
        return viewModel.rows().stream()
                .filter(r -> id.equals(r.ticketId()))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> descriptions(TicketDetails details) {
        return details.items().stream()
                .map(l -> l.value(LineColumn.DESCRIPTION))
                .toList();
    }

    @Test
    void aProbableTwinIsSaidOnItsRowAndInTheReviewAndKeepBothMakesItAPurchase(@TempDir Path home, @TempDir Path inbox)
            throws Exception {
        try (TicketStore store = TicketStore.open(home);
                ImportQueue queue = new ImportQueue(store, null, 1)) {
            done(store, inbox, "DIA", "8.76", LocalDate.of(2025, 1, 14), Map.of(), Map.of());
            UUID twin = done(store, inbox, "DIA", "8.76", LocalDate.of(2025, 1, 14), Map.of(), Map.of());
            MainViewModel viewModel = viewModel(store, queue);
            viewModel.load();
            TicketRow row = rowOf(viewModel, twin);
            assertEquals("probable duplicate", row.stateProperty().get());
            viewModel.select(row);
            assertTrue(
                    viewModel
                            .details()
                            .twinProperty()
                            .get()
                            .startsWith("This looks like a ticket already in the library: DIA, 14 Jan 2025, €8.76"),
                    viewModel.details().twinProperty().get());

            viewModel.keepBoth(row);
            assertEquals("done", row.stateProperty().get());
            assertEquals("", viewModel.details().twinProperty().get());
        }
    }

    @Test
    void inSpanishDatesAndAmountsAreShownAndTypedTheSpanishWay(@TempDir Path home, @TempDir Path inbox)
            throws Exception {
        try (TicketStore store = TicketStore.open(home);
                ImportQueue queue = new ImportQueue(store, null, 1)) {
            UUID id = done(store, inbox, "DIA", "1234.5", LocalDate.of(2026, 11, 28), Map.of(), Map.of());
            MainViewModel viewModel = new MainViewModel(
                    store,
                    queue,
                    BackgroundTasks.on(Runnable::run, Runnable::run),
                    request -> {
                        throw new IllegalStateException("no service in this test");
                    },
                    request -> {
                        throw new IllegalStateException("no service in this test");
                    },
                    Texts.of("es"));
            viewModel.load();
            TicketRow row = viewModel.rows().get(0);
            assertEquals("28/11/2026", row.dateProperty().get());
            viewModel.searchProperty().set("1.234,50"); // as the table writes it
            assertEquals(1, viewModel.shownRows().size());
            viewModel.searchProperty().set("28/11");
            assertEquals(1, viewModel.shownRows().size());
            viewModel.searchProperty().set("");
            assertEquals("1.234,50\u00A0€", row.totalProperty().get());
            assertTrue(
                    viewModel.shownSummaryProperty().get().endsWith("1.234,50\u00A0€ en total"),
                    viewModel.shownSummaryProperty().get());

            viewModel.select(row);
            TicketDetails details = viewModel.details();
            assertEquals("28/11/2026", details.field("purchase_date").get());
            assertEquals("1.234,50", details.field("total").get());
            details.field("purchase_date").set("3/12/2026");
            details.field("total").set("1.243,05");
            viewModel.saveDetails();
            assertEquals(LocalDate.of(2026, 12, 3), store.find(id).orElseThrow().date());
            assertEquals(new BigDecimal("1243.05"), store.find(id).orElseThrow().total());
            assertEquals("03/12/2026", details.field("purchase_date").get());

            viewModel.editLine(details.items().get(0), LineColumn.AMOUNT, "1.243,05");
            assertEquals("1243.05", store.items(id).get(0).amount());
            assertEquals(
                    "1.243,05", details.items().get(0).column(LineColumn.AMOUNT).get());

            details.field("purchase_date").set("2026-13-01");
            viewModel.saveDetails();
            assertEquals(
                    "Escribe la fecha como 15/03/2025 y la hora como 18:30.",
                    details.statusProperty().get());
            assertEquals(LocalDate.of(2026, 12, 3), store.find(id).orElseThrow().date());
        }
    }

    @Test
    void theLibrarysTotalIsPerCurrencyNeverAddedAcross(@TempDir Path home, @TempDir Path inbox) throws Exception {
        try (TicketStore store = TicketStore.open(home);
                ImportQueue queue = new ImportQueue(store, null, 1)) {
            done(store, inbox, "DIA", "10.00", LocalDate.of(2025, 1, 14), Map.of(), Map.of());
            done(store, inbox, "DIA", "2.50", LocalDate.of(2025, 1, 15), Map.of(), Map.of());
            UUID ringgit = store.register(Files.writeString(inbox.resolve("kedai.pdf"), "%PDF-1.4 kedai"))
                    .ticketId();
            store.markDone(
                    ringgit,
                    TicketStoreTestSupport.inCurrency(
                            TicketStoreTestSupport.reading(ringgit, "KEDAI", new BigDecimal("30.00")), "MYR"));
            UUID bare = store.register(Files.writeString(inbox.resolve("bare.pdf"), "%PDF-1.4 bare"))
                    .ticketId();
            store.markDone(
                    bare,
                    TicketStoreTestSupport.inCurrency(
                            TicketStoreTestSupport.reading(bare, "DIA", new BigDecimal("1.00")), null));
            MainViewModel viewModel = viewModel(store, queue);
            viewModel.load();
            assertEquals(
                    "4 tickets, €13.50 + MYR\u00A030.00 in all",
                    viewModel.shownSummaryProperty().get());
            assertTrue(viewModel.rows().stream()
                    .anyMatch(r -> r.totalProperty().get().equals("MYR\u00A030.00")));

            SpendingViewModel spending = viewModel.spending();
            spending.periodProperty().set(es.cesta.ui.spending.Spending.Period.ALL);
            spending.refresh();
            assertEquals(List.of("EUR", "MYR"), spending.currencies());
            assertEquals("EUR", spending.currencyProperty().get());
            assertEquals(
                    new BigDecimal("13.50"),
                    spending.months().stream()
                            .map(es.cesta.ui.spending.Spending.Bar::amount)
                            .reduce(BigDecimal.ZERO, BigDecimal::add));
            spending.currencyProperty().set("MYR");
            assertEquals(
                    new BigDecimal("30.00"),
                    spending.months().stream()
                            .map(es.cesta.ui.spending.Spending.Bar::amount)
                            .reduce(BigDecimal.ZERO, BigDecimal::add));
        }
    }

    @Test
    void undoPutsBackWhatTheLastSavedEditChanged(@TempDir Path home, @TempDir Path inbox) throws Exception {
        try (TicketStore store = TicketStore.open(home);
                ImportQueue queue = new ImportQueue(store, null, 1)) {
            UUID id = done(store, inbox, "DIA", "8.76", LocalDate.of(2025, 1, 14), Map.of(), Map.of());
            MainViewModel viewModel = viewModel(store, queue);
            viewModel.load();
            viewModel.select(viewModel.rows().get(0));
            TicketDetails details = viewModel.details();
            assertFalse(details.canUndoProperty().get());

            details.field("total").set("8,67");
            viewModel.saveDetails();
            assertEquals(new BigDecimal("8.67"), store.find(id).orElseThrow().total());
            LineRow bread = details.items().get(0);
            viewModel.editLine(bread, LineColumn.DESCRIPTION, "PAN DE PUEBLO");
            viewModel.editLine(details.items().get(0), LineColumn.AMOUNT, "uno"); // refused: not a number
            assertEquals(
                    "'uno' is not a number such as 1.25.",
                    details.statusProperty().get());
            assertEquals("PAN DE PUEBLO", store.items(id).get(0).description());
            assertEquals("8.76", store.items(id).get(0).amount());
            assertTrue(details.canUndoProperty().get());

            viewModel.undo(); // the item's description
            assertEquals("PAN", store.items(id).get(0).description());
            assertEquals(
                    "PAN", details.items().get(0).column(LineColumn.DESCRIPTION).get());
            assertEquals(new BigDecimal("8.67"), store.find(id).orElseThrow().total());
            viewModel.undo(); // the total
            assertEquals(new BigDecimal("8.76"), store.find(id).orElseThrow().total());
            assertEquals("€8.76", viewModel.rows().get(0).totalProperty().get());
            assertFalse(store.find(id).orElseThrow().corrected());
            assertFalse(details.canUndoProperty().get());
        }
    }

    @Test
    void switchingToSpanishRewordsRowsStatusAndSummary(@TempDir Path home, @TempDir Path inbox) throws Exception {
        try (TicketStore store = TicketStore.open(home);
                ImportQueue queue = new ImportQueue(store, null, 1)) {
            done(store, inbox, "DIA", "8.76", LocalDate.of(2025, 1, 14), Map.of(), Map.of());
            MainViewModel viewModel = viewModel(store, queue);
            viewModel.load();
            viewModel.serviceChanged(ServiceState.READY, 2, ""); // asked, and the test's service refuses
            viewModel.useTexts(Texts.of("es"));
            assertEquals("hecho", viewModel.rows().get(0).stateProperty().get());
            assertEquals(
                    "Servicio listo (2 procesos)",
                    viewModel.serviceStatusProperty().get());
            assertEquals(
                    "1 ticket, 8,76\u00A0€ en total",
                    viewModel.shownSummaryProperty().get());
            assertEquals("14/01/2025", viewModel.rows().get(0).dateProperty().get());
            assertEquals("8,76\u00A0€", viewModel.rows().get(0).totalProperty().get());
            assertTrue(viewModel.nextShop().textProperty().get().startsWith("La predicción aún no está disponible"));
        }
    }

    @Test
    void aTicketNotReadYetIsNotDoubtedAndAReadOneShowsTheServicesNotes(@TempDir Path home, @TempDir Path inbox)
            throws Exception {
        try (TicketStore store = TicketStore.open(home);
                ImportQueue queue = new ImportQueue(store, null, 1)) {
            store.register(Files.writeString(inbox.resolve("waiting.pdf"), "%PDF-1.4 waiting"));
            UUID read = store.register(Files.writeString(inbox.resolve("read.pdf"), "%PDF-1.4 read"))
                    .ticketId();
            store.markDone(
                    read,
                    TicketStoreTestSupport.withWarnings(
                            TicketStoreTestSupport.reading(read, "DIA", new BigDecimal("13.41")),
                            List.of("items add up to 13.29, not to the total 13.41")));
            MainViewModel viewModel = viewModel(store, queue);
            viewModel.load();
            TicketRow waiting = viewModel.rows().stream()
                    .filter(r -> r.stateProperty().get().equals("queued"))
                    .findFirst()
                    .orElseThrow();
            viewModel.select(waiting);
            TicketDetails details = viewModel.details();
            assertTrue(details.doubts().isEmpty(), details.doubts().toString());
            assertEquals(
                    "Not read yet: the ticket is waiting for its turn.",
                    details.statusProperty().get());
            assertEquals("", details.notesProperty().get());

            viewModel.select(viewModel.rows().stream()
                    .filter(r -> read.equals(r.ticketId()))
                    .findFirst()
                    .orElseThrow());
            assertEquals(
                    "Notes from the reading:\nitems add up to 13.29, not to the total 13.41",
                    details.notesProperty().get());
            assertEquals("", details.statusProperty().get());
        }
    }

    @Test
    void theReviewSaysThePaymentMethodInThePersonsWordsAndStoresWhatTheyType(@TempDir Path home, @TempDir Path inbox)
            throws Exception {
        try (TicketStore store = TicketStore.open(home);
                ImportQueue queue = new ImportQueue(store, null, 1)) {
            UUID id = done(store, inbox, "DIA", "8.76", LocalDate.of(2025, 1, 14), Map.of(), Map.of());
            MainViewModel viewModel = viewModel(store, queue);
            viewModel.useTexts(Texts.of("es"));
            viewModel.load();
            viewModel.select(viewModel.rows().get(0));
            TicketDetails details = viewModel.details();
            assertEquals("tarjeta", details.field("payment_method").get(), "as the table says it");
            viewModel.saveDetails();
            assertFalse(store.find(id).orElseThrow().corrected(), "the word shown is not a correction");

            details.field("payment_method").set("Efectivo");
            viewModel.saveDetails();
            assertEquals("cash", store.find(id).orElseThrow().paymentMethod());
            assertEquals("efectivo", details.field("payment_method").get());
        }
    }

    @Test
    void failureReasonsAreWordedInThePersonsLanguageWithoutMachineCodes(@TempDir Path home, @TempDir Path inbox)
            throws Exception {
        try (TicketStore store = TicketStore.open(home);
                ImportQueue queue = new ImportQueue(store, null, 1)) {
            UUID damaged = store.register(Files.writeString(inbox.resolve("a.pdf"), "%PDF-1.4 a"))
                    .ticketId();
            store.markFailed(damaged, "'a.pdf' is a damaged or truncated PDF (unreadable_pdf)");
            UUID odd = store.register(Files.writeString(inbox.resolve("b.pdf"), "%PDF-1.4 b"))
                    .ticketId();
            store.markFailed(odd, "something new went wrong (a_code_of_tomorrow)");
            MainViewModel viewModel = viewModel(store, queue);
            viewModel.useTexts(Texts.of("es"));
            viewModel.load();
            Map<UUID, String> states = new java.util.HashMap<>();
            viewModel
                    .rows()
                    .forEach(row ->
                            states.put(row.ticketId(), row.stateProperty().get()));
            assertEquals("falló: un PDF dañado o incompleto", states.get(damaged));
            assertEquals("falló: something new went wrong", states.get(odd), "an unknown code is not shown");

            viewModel.importFiles(List.of(Files.writeString(inbox.resolve("notes.txt"), "milk")));
            assertEquals(
                    "No se importó notes.txt: no es un ticket en PDF, JPEG o PNG",
                    viewModel.messageProperty().get());
        }
    }
}

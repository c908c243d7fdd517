package es.cesta.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.cesta.client.OcrResult;
import es.cesta.service.TestServices;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TicketStoreTest {

    private static final Path TICKET = TestServices.ES_DEV.resolve("mercadona-2023-11-25-d5cb91a5.pdf");

    static OcrResult reading(UUID id) {
        return new OcrResult(
                id,
                "text_layer",
                1,
                new OcrResult.Shop("MERCADONA", "MERCADONA, S.A.", "A46103834", null),
                LocalDate.of(2023, 11, 25),
                "09:09",
                "EUR",
                new BigDecimal("37.76"),
                List.of(new OcrResult.Item(
                        "BARREÑO", BigDecimal.ONE, null, new BigDecimal("2.20"), new BigDecimal("2.20"))),
                List.of(),
                List.of(new OcrResult.Tax(new BigDecimal("21"), new BigDecimal("25.87"), new BigDecimal("5.43"))),
                "card",
                "2916-010-520925",
                Map.of(),
                Map.of(),
                List.of(),
                "text",
                Map.of(),
                es.cesta.client.PageBoxes.NONE);
    }

    private static UUID readAs(TicketStore store, Path inbox, String shop, String total) throws Exception {
        Path file = Files.writeString(inbox.resolve(UUID.randomUUID() + ".pdf"), "%PDF-1.4 " + UUID.randomUUID());
        UUID id = store.register(file).ticketId();
        store.markDone(id, TicketStoreTestSupport.reading(id, shop, new BigDecimal(total)));
        return id;
    }

    @Test
    void theSamePurchaseFromAnotherFileIsAProbableTwinUntilThePersonKeepsBoth(@TempDir Path home, @TempDir Path inbox)
            throws Exception {
        try (TicketStore store = TicketStore.open(home)) {
            UUID pdf = readAs(store, inbox, "DIA", "8.76");
            UUID photo = readAs(store, inbox, "dia ", "8.76"); // the same shop, date, time and total
            UUID other = readAs(store, inbox, "DIA", "8.77");
            assertEquals(pdf, store.find(photo).orElseThrow().twinOf());
            assertEquals(null, store.find(pdf).orElseThrow().twinOf(), "the first one counts");
            assertEquals(null, store.find(other).orElseThrow().twinOf(), "another total is another purchase");
            assertEquals(
                    List.of(new BigDecimal("8.76")),
                    store.spending().priceHistory("PAN").stream()
                            .map(SpendingQueries.PricePoint::unitPrice)
                            .filter(p -> p.compareTo(new BigDecimal("8.76")) == 0)
                            .toList(),
                    "the purchase is counted once");

            store.keepBoth(photo);
            store.markDone(photo, TicketStoreTestSupport.reading(photo, "DIA", new BigDecimal("8.76"))); // Read again
            assertEquals(null, store.find(photo).orElseThrow().twinOf(), "kept: not flagged again");
            assertEquals(
                    2,
                    store.spending().priceHistory("PAN").stream()
                            .filter(p -> p.unitPrice().compareTo(new BigDecimal("8.76")) == 0)
                            .count());

            UUID scan = readAs(store, inbox, "DIA", "8.77");
            assertEquals(other, store.find(scan).orElseThrow().twinOf());
            store.delete(other);
            assertEquals(null, store.find(scan).orElseThrow().twinOf(), "the twin of a deleted ticket is the purchase");
        }
    }

    @Test
    void migratesAnEmptyFolderToTheCurrentSchema(@TempDir Path home) throws Exception {
        try (TicketStore store = TicketStore.open(home)) {
            assertTrue(store.all().isEmpty());
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("cesta.db"));
                Statement sql = db.createStatement()) {
            assertEquals(
                    Migrations.STEPS.size(),
                    sql.executeQuery("PRAGMA user_version").getInt(1));
            assertEquals("wal", sql.executeQuery("PRAGMA journal_mode").getString(1));
            ResultSet tables = sql.executeQuery("SELECT group_concat(name) FROM sqlite_master WHERE type = 'table'");
            assertEquals("tickets,items,taxes,corrections,shop_names,shopping_list", tables.getString(1));
        }
        try (TicketStore again = TicketStore.open(home)) { // reopening migrates nothing twice
            assertTrue(again.all().isEmpty());
        }
    }

    @Test
    void theSameFileTwiceIsADuplicateStoredOnce(@TempDir Path home, @TempDir Path elsewhere) throws Exception {
        Path copy = Files.copy(TICKET, elsewhere.resolve("renamed.pdf"));
        try (TicketStore store = TicketStore.open(home)) {
            TicketStore.Registration first = store.register(TICKET);
            TicketStore.Registration second = store.register(copy);
            assertFalse(first.duplicate());
            assertTrue(second.duplicate());
            assertEquals(first.ticketId(), second.ticketId());
            assertEquals(1, store.all().size());
            try (Stream<Path> stored = Files.list(home.resolve("files"))) {
                assertEquals(1, stored.count());
            }
            assertEquals(
                    TicketStore.sha256(TICKET) + ".pdf",
                    first.storedFile().getFileName().toString());
        }
    }

    @Test
    void aReadingIsStoredWithItsItemsAndTaxesAndSurvivesReopening(@TempDir Path home) throws Exception {
        UUID id;
        try (TicketStore store = TicketStore.open(home)) {
            id = store.register(TICKET).ticketId();
            assertEquals(ImportState.QUEUED, store.find(id).orElseThrow().state());
            store.markProcessing(id);
            assertEquals(
                    List.of(id), store.unfinished().stream().map(Ticket::id).toList());
            store.markDone(id, reading(id));
        }
        try (TicketStore store = TicketStore.open(home)) {
            Ticket ticket = store.find(id).orElseThrow();
            assertEquals(ImportState.DONE, ticket.state());
            assertEquals("MERCADONA", ticket.shopName());
            assertEquals(new BigDecimal("37.76"), ticket.total());
            assertEquals(1, ticket.items());
            assertTrue(store.unfinished().isEmpty());
        }
    }

    @Test
    void correctionsWinOverExtractionAndSurviveReExtraction(@TempDir Path home) throws Exception {
        try (TicketStore store = TicketStore.open(home)) {
            UUID id = store.register(TICKET).ticketId();
            store.markDone(id, reading(id));
            store.corrections().save(id, "shop_name", "MERCADONA GARRUCHA");
            store.corrections().save(id, "total", "37.70");
            store.markDone(id, reading(id)); // imported again: the service's reading comes back
            Ticket ticket = store.find(id).orElseThrow();
            assertEquals("MERCADONA GARRUCHA", ticket.shopName());
            assertEquals(new BigDecimal("37.70"), ticket.total());
            assertTrue(ticket.corrected());
            store.corrections().save(id, "shop_name", ""); // undoing a correction brings the extracted value back
            store.corrections().save(id, "total", null);
            assertEquals("MERCADONA", store.find(id).orElseThrow().shopName());
            assertFalse(store.find(id).orElseThrow().corrected());
            assertThrows(
                    IllegalArgumentException.class, () -> store.corrections().save(id, "raw_answer", "x"));
        }
    }

    @Test
    void deletingATicketRemovesItsLinesCorrectionsAndFile(@TempDir Path home) throws Exception {
        try (TicketStore store = TicketStore.open(home)) {
            TicketStore.Registration registration = store.register(TICKET);
            UUID id = registration.ticketId();
            store.markDone(id, reading(id));
            store.corrections().save(id, "shop_name", "X");
            store.delete(id);
            assertTrue(store.find(id).isEmpty());
            assertTrue(store.items(id).isEmpty());
            assertFalse(Files.exists(registration.storedFile()));
            assertFalse(store.register(TICKET).duplicate(), "a deleted ticket can be imported again");
        }
    }

    @Test
    void theSpanishCsvHasSemicolonsDecimalCommasAndAByteOrderMark(@TempDir Path home) throws Exception {
        try (TicketStore store = TicketStore.open(home)) {
            UUID id = store.register(TICKET).ticketId();
            store.markDone(id, reading(id));
            store.corrections().save(id, "shop_name", "MERCADONA; GARRUCHA");
            Path file = home.resolve("tickets.csv");
            Path itemsFile = CsvExport.write(store.all(), store, file, CsvDialect.ES);
            byte[] bytes = Files.readAllBytes(file);
            assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]));
            assertEquals(
                    List.of(
                            "\uFEFFid;file;date;time;shop;tax_id;total;payment_method;items;state;corrected",
                            id
                                    + ";mercadona-2023-11-25-d5cb91a5.pdf;2023-11-25;09:09;\"MERCADONA; GARRUCHA\";A46103834;"
                                    + "37,76;card;1;done;true"),
                    Files.readString(file).lines().toList());
            assertEquals(
                    List.of(
                            "\uFEFFticket_id;date;shop;kind;description;quantity;unit;unit_price;amount;category",
                            id + ";2023-11-25;\"MERCADONA; GARRUCHA\";item;BARREÑO;1;;2,20;2,20;"),
                    Files.readString(itemsFile).lines().toList());
        }
    }

    @Test
    void ticketsAndItemsExportAsCsv(@TempDir Path home) throws Exception {
        try (TicketStore store = TicketStore.open(home)) {
            UUID id = store.register(TICKET).ticketId();
            store.markDone(id, reading(id));
            store.corrections().save(id, "shop_name", "MERCADONA, GARRUCHA");
            java.io.StringWriter tickets = new java.io.StringWriter();
            java.io.StringWriter items = new java.io.StringWriter();
            CsvExport.tickets(store.all(), tickets, CsvDialect.EN);
            CsvExport.items(store.all(), store, items, CsvDialect.EN);
            assertEquals(
                    List.of(
                            "id,file,date,time,shop,tax_id,total,payment_method,items,state,corrected",
                            id
                                    + ",mercadona-2023-11-25-d5cb91a5.pdf,2023-11-25,09:09,\"MERCADONA, GARRUCHA\",A46103834,37.76,"
                                    + "card,1,done,true"),
                    tickets.toString().lines().toList());
            assertEquals(
                    List.of(
                            "ticket_id,date,shop,kind,description,quantity,unit,unit_price,amount,category",
                            id + ",2023-11-25,\"MERCADONA, GARRUCHA\",item,BARREÑO,1,,2.20,2.20,"),
                    items.toString().lines().toList());
        }
    }

    @Test
    void theUnitPriceOfAProductAcrossTickets(@TempDir Path home, @TempDir Path inbox) throws Exception {
        try (TicketStore store = TicketStore.open(home)) {
            String[][] tickets = {{"2024-01-10", "1.05"}, {"2024-06-10", "1.15"}, {"2023-12-01", "0.99"}};
            for (String[] t : tickets) {
                UUID id = store.register(Files.writeString(inbox.resolve(t[0] + ".pdf"), "%PDF-1.4 " + t[0]))
                        .ticketId();
                BigDecimal price = new BigDecimal(t[1]);
                store.markDone(
                        id,
                        new OcrResult(
                                id,
                                "text_layer",
                                1,
                                new OcrResult.Shop("MERCADONA", null, null, null),
                                LocalDate.parse(t[0]),
                                null,
                                "EUR",
                                price.add(BigDecimal.ONE),
                                List.of(
                                        new OcrResult.Item("LECHE ENTERA", BigDecimal.ONE, null, price, price),
                                        new OcrResult.Item(
                                                "BOLSA", BigDecimal.ONE, null, BigDecimal.ONE, BigDecimal.ONE)),
                                List.of(),
                                List.of(),
                                "card",
                                null,
                                Map.of(),
                                Map.of(),
                                List.of(),
                                "",
                                Map.of(),
                                es.cesta.client.PageBoxes.NONE));
            }
            assertEquals(List.of("BOLSA", "LECHE ENTERA"), store.spending().repeatedProducts());
            assertEquals(
                    List.of(
                            new SpendingQueries.PricePoint(
                                    LocalDate.parse("2023-12-01"), "MERCADONA", new BigDecimal("0.99")),
                            new SpendingQueries.PricePoint(
                                    LocalDate.parse("2024-01-10"), "MERCADONA", new BigDecimal("1.05")),
                            new SpendingQueries.PricePoint(
                                    LocalDate.parse("2024-06-10"), "MERCADONA", new BigDecimal("1.15"))),
                    store.spending().priceHistory("LECHE ENTERA"));
            es.cesta.ui.spending.SpendingViewModel spending = new es.cesta.ui.spending.SpendingViewModel(
                    store, es.cesta.ui.BackgroundTasks.on(Runnable::run, Runnable::run), es.cesta.ui.Texts.english());
            spending.refresh();
            assertEquals(List.of("BOLSA", "LECHE ENTERA"), spending.products());
            spending.productProperty().set("LECHE ENTERA");
            assertEquals(3, spending.prices().size());

            // The person's corrections count: a misread name joins its product, a fixed price replaces the read one.
            UUID june = store.all().stream()
                    .filter(t -> t.date().equals(LocalDate.parse("2024-06-10")))
                    .findFirst()
                    .orElseThrow()
                    .id();
            TicketStore.ItemRow milk = store.items(june).stream()
                    .filter(i -> i.description().equals("LECHE ENTERA"))
                    .findFirst()
                    .orElseThrow();
            store.corrections().save(june, milk.field(LineColumn.UNIT_PRICE), "1.09");
            store.corrections().save(june, "purchase_date", "2024-06-11");
            assertEquals(
                    new SpendingQueries.PricePoint(LocalDate.parse("2024-06-11"), "MERCADONA", new BigDecimal("1.09")),
                    store.spending().priceHistory("LECHE ENTERA").get(2));
            store.corrections().save(june, milk.field(LineColumn.DESCRIPTION), "LECHE SEMI");
            assertEquals(2, store.spending().priceHistory("LECHE ENTERA").size());
            assertEquals(List.of("BOLSA", "LECHE ENTERA"), store.spending().repeatedProducts());
        }
    }

    @Test
    void aDamagedDatabaseIsAClearError(@TempDir Path home) throws Exception {
        Files.write(
                home.resolve("cesta.db"),
                "this is not a database, it is a text file pretending"
                        .repeat(100)
                        .getBytes(StandardCharsets.UTF_8));
        DamagedLibraryException error = assertThrows(DamagedLibraryException.class, () -> TicketStore.open(home));
        assertTrue(error.getMessage().contains("damaged or is not a Cesta library"), error.getMessage());
        assertTrue(error.getMessage().contains("original files are safe"), error.getMessage());
    }

    @Test
    void aLockedDatabaseIsAClearError(@TempDir Path home) throws Exception {
        try (TicketStore store = TicketStore.open(home)) {
            store.register(TICKET);
        }
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("cesta.db"));
                Statement sql = other.createStatement()) {
            sql.execute("PRAGMA locking_mode = EXCLUSIVE");
            sql.execute("BEGIN EXCLUSIVE");
            long started = System.nanoTime();
            StoreException error = assertThrows(StoreException.class, () -> {
                try (TicketStore store = TicketStore.open(home)) {
                    store.register(TestServices.ES_DEV.resolve("dia-2025-01-14-22b07d75.pdf"));
                }
            });
            assertTrue(error.getMessage().contains("locked"), error.getMessage());
            assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) < 30);
            sql.execute("ROLLBACK");
        }
    }

    @Test
    void dataSurvivesAJvmKilledMidWrite(@TempDir Path home) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process writer = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Dcesta.serviceDir=" + TestServices.SERVICE_DIR,
                        Writer.class.getName(),
                        home.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            int committed = 0;
            String line;
            while ((line = out.readLine()) != null && committed < 40) {
                if (line.startsWith("DONE ")) {
                    committed++;
                }
            }
            writer.destroyForcibly(); // SIGKILL in the middle of the next transactions
            assertTrue(writer.waitFor(5, TimeUnit.SECONDS));
            try (TicketStore store = TicketStore.open(home)) {
                List<Ticket> all = store.all();
                assertTrue(
                        all.stream().filter(t -> t.state() == ImportState.DONE).count() >= committed);
                for (Ticket t : all) { // every done ticket is whole: its item was written with it
                    if (t.state() == ImportState.DONE) {
                        assertEquals(1, t.items());
                    }
                }
            }
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("cesta.db"));
                    Statement sql = db.createStatement()) {
                assertEquals("ok", sql.executeQuery("PRAGMA integrity_check").getString(1));
            }
        } finally {
            writer.destroyForcibly();
        }
    }

    /** Writes tickets as fast as it can until killed, saying each commit. */
    public static final class Writer {
        public static void main(String[] args) throws Exception {
            Path home = Path.of(args[0]);
            Path scratch = Files.createTempDirectory("cesta-writer");
            try (TicketStore store = TicketStore.open(home)) {
                for (int i = 0; ; i++) {
                    Path file = scratch.resolve("t" + i + ".pdf");
                    Files.writeString(file, "%PDF-1.4 ticket number " + i);
                    UUID id = store.register(file).ticketId();
                    store.markProcessing(id);
                    store.markDone(id, reading(id));
                    System.out.println("DONE " + i);
                }
            }
        }
    }
}

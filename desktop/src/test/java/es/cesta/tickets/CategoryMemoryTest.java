package es.cesta.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.cesta.client.Categorize;
import es.cesta.client.OcrResult;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The person's categories in a real library file: memory, apply-to-others, and the model never overwriting. */
class CategoryMemoryTest {

    private static OcrResult.Item line(String description, String amount, Category category) {
        BigDecimal value = new BigDecimal(amount);
        return new OcrResult.Item(description, BigDecimal.ONE, null, value, value, category.key(), 0.9);
    }

    /** A read ticket of the given lines, stored as the import stores it. */
    static UUID stored(TicketStore store, Path home, String name, LocalDate date, OcrResult.Item... items)
            throws Exception {
        Path file = Files.writeString(home.resolve(name), name + date);
        UUID id = store.register(file).ticketId();
        OcrResult base =
                TicketStoreTestSupport.reading(id, "MERCADONA", new BigDecimal("10.00"), date, Map.of(), Map.of());
        store.markDone(id, base.withItems(List.of(items)));
        return id;
    }

    @Test
    void aChosenCategoryIsAnExampleAndSurvivesARestartAndAReRead(@TempDir Path home) throws Exception {
        UUID first;
        try (TicketStore store = TicketStore.open(home)) {
            first = stored(
                    store,
                    home,
                    "a.pdf",
                    LocalDate.of(2025, 3, 1),
                    line("CANONIGOS", "1.50", Category.FRUIT_AND_VEGETABLES),
                    line("LEJIA", "0.90", Category.OTHER));
            new CategoryMemory(store).choose(first, 1, Category.CLEANING_AND_HOUSEHOLD);
        }
        try (TicketStore store = TicketStore.open(home)) { // the app closed and opened again
            CategoryMemory memory = new CategoryMemory(store);
            assertEquals(List.of(new Categorize.Example("LEJIA", "Limpieza y hogar")), memory.examples());
            // Read again: the model says Other once more, the person's choice stays.
            OcrResult again = TicketStoreTestSupport.reading(
                    first, "MERCADONA", new BigDecimal("10.00"), LocalDate.of(2025, 3, 1), Map.of(), Map.of());
            store.markDone(
                    first,
                    again.withItems(List.of(
                            line("CANONIGOS", "1.50", Category.FRUIT_AND_VEGETABLES),
                            line("LEJIA", "0.90", Category.OTHER))));
            TicketStore.ItemRow bleach = store.items(first).get(1);
            assertEquals("Limpieza y hogar", bleach.category());
            assertTrue(bleach.categoryByPerson());
            assertEquals(null, bleach.categoryConfidence());
            TicketStore.ItemRow greens = store.items(first).get(0);
            assertEquals("Fruta y verdura", greens.category());
            assertEquals(0.9, greens.categoryConfidence());
            assertEquals(
                    Set.of(Category.FRUIT_AND_VEGETABLES, Category.CLEANING_AND_HOUSEHOLD),
                    store.find(first).orElseThrow().categories());
        }
    }

    @Test
    void applyingToOthersCountsAndChangesOnlyTheLinesThatReadTheSame(@TempDir Path home) throws Exception {
        try (TicketStore store = TicketStore.open(home)) {
            UUID a = stored(
                    store,
                    home,
                    "a.pdf",
                    LocalDate.of(2025, 3, 1),
                    line("PLATANO", "1.20", Category.OTHER),
                    line("PAN", "0.60", Category.BREAD_AND_PASTRIES));
            UUID b = stored(store, home, "b.pdf", LocalDate.of(2025, 3, 8), line(" platano ", "1.10", Category.OTHER));
            UUID c = stored(
                    store,
                    home,
                    "c.pdf",
                    LocalDate.of(2025, 3, 15),
                    line("PLATANO", "1.30", Category.FRUIT_AND_VEGETABLES),
                    line("PLATANO MACHO", "2.00", Category.OTHER));
            CategoryMemory memory = new CategoryMemory(store);
            memory.choose(a, 0, Category.FRUIT_AND_VEGETABLES);
            // c's PLATANO already shows fruit, PLATANO MACHO reads otherwise: only b's line is offered.
            assertEquals(1, memory.othersLike(a, 0, "PLATANO", Category.FRUIT_AND_VEGETABLES));
            assertEquals(1, memory.applyToOthers(a, 0, "PLATANO", Category.FRUIT_AND_VEGETABLES));
            assertEquals("Fruta y verdura", store.items(b).get(0).category());
            assertTrue(store.items(b).get(0).categoryByPerson());
            assertEquals("Otros", store.items(c).get(1).category());
            assertEquals(0, memory.othersLike(a, 0, "PLATANO", Category.FRUIT_AND_VEGETABLES));
        }
    }

    @Test
    void theLinesBySpendingCategoryFollowTheCorrectionsAndTheCsvCarriesTheCategory(@TempDir Path home)
            throws Exception {
        try (TicketStore store = TicketStore.open(home)) {
            UUID a = stored(
                    store,
                    home,
                    "a.pdf",
                    LocalDate.of(2025, 3, 1),
                    line("GASOLEO A", "50.00", Category.FUEL),
                    line("CAFE SOLO", "1.30", Category.OTHER));
            CategoryMemory memory = new CategoryMemory(store);
            memory.choose(a, 1, Category.RESTAURANT_AND_CAFE);
            store.corrections().save(a, "item.item.1.amount", "1.40");
            List<CategoryMemory.Line> lines = memory.lines();
            assertEquals(2, lines.size());
            assertEquals(Category.FUEL, lines.get(0).category());
            assertEquals(Category.RESTAURANT_AND_CAFE, lines.get(1).category());
            assertEquals(new BigDecimal("1.40"), lines.get(1).amount());

            StringWriter csv = new StringWriter();
            CsvExport.items(store.all(), store, csv, CsvDialect.EN);
            List<String> rows = csv.toString().lines().toList();
            assertTrue(rows.get(0).endsWith(",amount,category"), rows.get(0));
            assertTrue(rows.get(1).endsWith(",50.00,Combustible"), rows.get(1));
            assertTrue(rows.get(2).endsWith(",1.40,Restaurante y cafetería"), rows.get(2));
        }
    }
}

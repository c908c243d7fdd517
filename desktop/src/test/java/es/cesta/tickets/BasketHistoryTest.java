package es.cesta.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import es.cesta.client.NextBasket;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shopping list's history from a real library file follows the person's corrections. */
class BasketHistoryTest {

    private static es.cesta.client.OcrResult.Item line(String description, Category category) {
        return new es.cesta.client.OcrResult.Item(
                description, BigDecimal.ONE, null, BigDecimal.TEN, BigDecimal.TEN, category.key(), 0.9);
    }

    @Test
    void aRenamedRecategorisedRequantifiedOrRemovedLineIsSentAsThePersonLeftIt(@TempDir Path home) throws Exception {
        try (TicketStore store = TicketStore.open(home)) {
            UUID first = CategoryMemoryTest.stored(
                    store,
                    home,
                    "a.pdf",
                    LocalDate.of(2025, 3, 1),
                    line("LECHE ENT", Category.OTHER),
                    line("BOLSA", Category.OTHER),
                    line("PAN BARRA", Category.BREAD_AND_PASTRIES));
            CategoryMemoryTest.stored(
                    store, home, "b.pdf", LocalDate.of(2025, 3, 8), line("LECHE ENTERA", Category.OTHER));
            store.corrections().save(first, "item.item.0.description", "LECHE ENTERA");
            store.corrections().save(first, CorrectionKey.item("item", 0, LineColumn.QUANTITY), "6");
            store.corrections().save(first, CorrectionKey.item("item", 2, LineColumn.QUANTITY), "0");
            new CategoryMemory(store).choose(first, 0, Category.EGGS_MILK_AND_BUTTER);
            store.corrections().save(first, CorrectionKey.removed("item", 1), "yes");
            store.corrections().save(first, TicketField.SHOP_NAME.key(), "MI TIENDA");

            List<NextBasket.PastTicket> history =
                    BasketHistory.of(store.spending().boughtLines());

            assertEquals(2, history.size());
            NextBasket.PastTicket earlier = history.get(0);
            assertEquals(LocalDate.of(2025, 3, 1), earlier.datetime().toLocalDate());
            assertEquals("MI TIENDA", earlier.shop());
            assertEquals(
                    List.of(
                            new NextBasket.Line(
                                    "LECHE ENTERA", Category.EGGS_MILK_AND_BUTTER.key(), new BigDecimal("6")),
                            // a quantity of nothing says nothing of how long it lasts
                            new NextBasket.Line("PAN BARRA", Category.BREAD_AND_PASTRIES.key(), null)),
                    earlier.items());
            assertEquals(
                    List.of(new NextBasket.Line("LECHE ENTERA", Category.OTHER.key(), BigDecimal.ONE)),
                    history.get(1).items());
        }
    }
}

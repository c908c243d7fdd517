package es.cesta.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import es.cesta.client.NextShop;
import es.cesta.client.OcrResult;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A shop renamed once names its other tickets: by tax ID, else by the name read. */
class ShopNamesTest {

    private static UUID stored(TicketStore store, Path home, String file, String shop, String taxId, int day)
            throws Exception {
        UUID id = store.register(Files.writeString(home.resolve(file), file)).ticketId();
        OcrResult read = TicketStoreTestSupport.reading(
                id, shop, new BigDecimal("10.00"), LocalDate.of(2025, 3, day), Map.of(), Map.of());
        store.markDone(
                id,
                new OcrResult(
                        read.ticketId(),
                        read.source(),
                        read.pages(),
                        new OcrResult.Shop(shop, null, taxId, null),
                        read.date(),
                        read.time(),
                        read.currency(),
                        read.total(),
                        read.items(),
                        read.discounts(),
                        read.taxes(),
                        read.paymentMethod(),
                        read.invoiceNumber(),
                        read.confidence(),
                        read.checks(),
                        read.warnings(),
                        read.text(),
                        read.timingsMs(),
                        read.boxes()));
        return id;
    }

    private static String shopOf(TicketStore store, UUID id) {
        return store.find(id).orElseThrow().shopName();
    }

    @Test
    void aRenameNamesEveryTicketOfTheTaxIdAndOfTheNameReadAndSurvivesARestart(@TempDir Path home) throws Exception {
        UUID a;
        UUID b;
        UUID c;
        UUID d;
        UUID e;
        try (TicketStore store = TicketStore.open(home)) {
            a = stored(store, home, "a.pdf", "MERCADONA, S.A.", "A46103834", 1);
            b = stored(store, home, "b.pdf", "MERCADONA SA", "A46103834", 8);
            c = stored(store, home, "c.pdf", "DIA", "A28164754", 9);
            d = stored(store, home, "d.pdf", "FRUTERIA PACO", null, 10);
            e = stored(store, home, "e.pdf", "FRUTERIA PACO", null, 11);
            store.corrections().save(a, TicketField.SHOP_NAME.key(), "Mercadona Burjassot");
            store.corrections().save(d, TicketField.SHOP_NAME.key(), "Frutería de Paco");
        }
        try (TicketStore store = TicketStore.open(home)) {
            assertEquals("Mercadona Burjassot", shopOf(store, a));
            assertEquals("Mercadona Burjassot", shopOf(store, b)); // same tax ID, another name read
            assertEquals("DIA", shopOf(store, c));
            assertEquals("Frutería de Paco", shopOf(store, e)); // no tax ID: the same name read
            // A ticket read later from the same shop is named so at once.
            UUID later = stored(store, home, "f.pdf", "MERCADONA S.A.", "A46103834", 20);
            assertEquals("Mercadona Burjassot", shopOf(store, later));
            assertEquals(
                    List.of(
                            "Mercadona Burjassot",
                            "Mercadona Burjassot",
                            "DIA",
                            "Frutería de Paco",
                            "Frutería de Paco",
                            "Mercadona Burjassot"),
                    PurchaseHistory.of(store.all()).stream()
                            .sorted(java.util.Comparator.comparing(NextShop.Visit::datetime))
                            .map(NextShop.Visit::shop)
                            .toList());
        }
    }

    @Test
    void oneTaxIdIsOneShopEvenWithoutARename(@TempDir Path home) throws Exception {
        try (TicketStore store = TicketStore.open(home)) {
            stored(store, home, "a.pdf", "MERCADONA, S.A.", "A46103834", 1);
            stored(store, home, "b.pdf", "MERCADONA, S.A.", "A46103834", 8);
            stored(store, home, "c.pdf", "MERCADONA SA", "A46103834", 15);
            stored(store, home, "d.pdf", "DIA", null, 16);
            List<String> shops = PurchaseHistory.of(store.all()).stream()
                    .map(NextShop.Visit::shop)
                    .distinct()
                    .sorted()
                    .toList();
            assertEquals(List.of("DIA", "MERCADONA, S.A."), shops);
        }
    }
}

package es.cesta.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key a correction is saved under (Java) is the key every reading of the library looks for (SQL). */
class CorrectionKeyTest {

    @Test
    void aLineCorrectionSavedByItsJavaKeyIsWhatTheSqlReadingsApply(@TempDir Path home, @TempDir Path inbox)
            throws Exception {
        try (TicketStore store = TicketStore.open(home)) {
            UUID id = store.register(Files.writeString(inbox.resolve("t.pdf"), "%PDF-1.4 t"))
                    .ticketId();
            store.markDone(id, TicketStoreTestSupport.reading(id, "DIA", new BigDecimal("3.30")));
            store.corrections().save(id, CorrectionKey.item("item", 0, LineColumn.DESCRIPTION), "PAN DE PUEBLO");
            store.corrections().save(id, CorrectionKey.item("item", 0, LineColumn.AMOUNT), "3.10");
            store.corrections().save(id, CorrectionKey.item("item", 0, LineColumn.UNIT_PRICE), "3.10");
            store.corrections().save(id, CorrectionKey.tax(0, LineColumn.RATE), "4");

            assertEquals("PAN DE PUEBLO", store.items(id).get(0).description());
            assertEquals("3.10", store.items(id).get(0).amount());
            assertEquals("4", store.taxes(id).get(0).rate());
            assertEquals(
                    new BigDecimal("3.10"),
                    store.spending().priceHistory("PAN DE PUEBLO").get(0).unitPrice(),
                    "the spending queries follow the same keys");
            assertEquals(
                    CorrectionKey.item("item", 0, LineColumn.AMOUNT),
                    store.items(id).get(0).field(LineColumn.AMOUNT));
        }
    }

    @Test
    void onlyTicketFieldsAndLineColumnsAreCorrectable() {
        assertTrue(CorrectionKey.isCorrectable(TicketField.TOTAL.key()));
        assertTrue(CorrectionKey.isCorrectable(CorrectionKey.item("discount", 3, LineColumn.AMOUNT)));
        assertTrue(CorrectionKey.isCorrectable(CorrectionKey.tax(1, LineColumn.BASE)));
        assertFalse(CorrectionKey.isCorrectable("item.item.0.unit"));
        assertFalse(CorrectionKey.isCorrectable("raw_answer"));
        assertThrows(
                IllegalArgumentException.class, () -> new Corrections(null).save(UUID.randomUUID(), "state", "done"));
    }
}

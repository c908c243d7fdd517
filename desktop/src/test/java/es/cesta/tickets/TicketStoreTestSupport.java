package es.cesta.tickets;

import es.cesta.client.OcrResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A service answer made by hand, for tests of what is built on top of the store. */
public final class TicketStoreTestSupport {

    private TicketStoreTestSupport() {
    }

    public static OcrResult reading(UUID id, String shop, BigDecimal total) {
        return new OcrResult(id, "text_layer", 1, new OcrResult.Shop(shop, null, null, null), LocalDate.of(2025, 1, 14),
                "13:31", "EUR", total, List.of(new OcrResult.Item("PAN", BigDecimal.ONE, null, total, total)), List.of(),
                List.of(), "card", null, Map.of(), Map.of(), List.of(), "", Map.of());
    }
}

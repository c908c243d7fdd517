package es.cesta.tickets;

import es.cesta.client.OcrResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A service answer made by hand, for tests of what is built on top of the store. */
public final class TicketStoreTestSupport {

    private TicketStoreTestSupport() {}

    /** Overwrites the library's header, as a disk error would leave it, and drops its WAL. */
    public static void damageTheLibrary(java.nio.file.Path home) throws java.io.IOException {
        java.nio.file.Path database = home.resolve("cesta.db");
        byte[] bytes = java.nio.file.Files.readAllBytes(database);
        java.util.Arrays.fill(bytes, 0, 100, (byte) 0x5A);
        java.nio.file.Files.write(database, bytes);
        java.nio.file.Files.deleteIfExists(home.resolve("cesta.db-wal"));
    }

    public static OcrResult reading(UUID id, String shop, BigDecimal total) {
        return reading(id, shop, total, LocalDate.of(2025, 1, 14), Map.of(), Map.of());
    }

    /** A reading with its date, the service's confidence per field, its self-checks and one 10 % VAT row. */
    public static OcrResult reading(
            UUID id,
            String shop,
            BigDecimal total,
            LocalDate date,
            Map<String, Double> confidence,
            Map<String, Boolean> checks) {
        BigDecimal base = total.divide(new BigDecimal("1.10"), 2, java.math.RoundingMode.HALF_UP);
        return new OcrResult(
                id,
                "text_layer",
                1,
                new OcrResult.Shop(shop, null, null, null),
                date,
                "13:31",
                "EUR",
                total,
                List.of(new OcrResult.Item("PAN", BigDecimal.ONE, null, total, total)),
                List.of(),
                List.of(new OcrResult.Tax(BigDecimal.TEN, base, total.subtract(base))),
                "card",
                null,
                confidence,
                checks,
                List.of(),
                "",
                Map.of(),
                es.cesta.client.PageBoxes.NONE);
    }

    /** The same reading with the service's notes on it. */
    public static OcrResult withWarnings(OcrResult r, List<String> warnings) {
        return copy(r, r.currency(), warnings);
    }

    /** The same reading of a ticket in another currency (null: it showed none). */
    public static OcrResult inCurrency(OcrResult r, String currency) {
        return copy(r, currency, r.warnings());
    }

    private static OcrResult copy(OcrResult r, String currency, List<String> warnings) {
        return new OcrResult(
                r.ticketId(),
                r.source(),
                r.pages(),
                r.shop(),
                r.date(),
                r.time(),
                currency,
                r.total(),
                r.items(),
                r.discounts(),
                r.taxes(),
                r.paymentMethod(),
                r.invoiceNumber(),
                r.confidence(),
                r.checks(),
                warnings,
                r.text(),
                r.timingsMs(),
                r.boxes());
    }
}

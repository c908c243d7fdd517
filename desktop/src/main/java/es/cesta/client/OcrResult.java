package es.cesta.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** POST /ocr/process answer (docs/contract.md); amounts arrive as decimal strings. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OcrResult(
        UUID ticketId,
        String source,
        int pages,
        Shop shop,
        LocalDate date,
        String time,
        String currency,
        BigDecimal total,
        List<Item> items,
        List<Item> discounts,
        List<Tax> taxes,
        String paymentMethod,
        String invoiceNumber,
        Map<String, Double> confidence,
        Map<String, Boolean> checks,
        List<String> warnings,
        String text,
        Map<String, Integer> timingsMs,
        PageBoxes boxes) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Shop(String name, String legalName, String taxId, String address) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(
            String description,
            BigDecimal quantity,
            String unit,
            BigDecimal unitPrice,
            BigDecimal amount,
            String category,
            Double categoryConfidence) {

        public Item(String description, BigDecimal quantity, String unit, BigDecimal unitPrice, BigDecimal amount) {
            this(description, quantity, unit, unitPrice, amount, null, null);
        }

        public Item withCategory(String newCategory, double confidence) {
            return new Item(description, quantity, unit, unitPrice, amount, newCategory, confidence);
        }
    }

    /** The same reading with other items (their categories asked again with the person's examples). */
    public OcrResult withItems(List<Item> newItems) {
        return new OcrResult(
                ticketId,
                source,
                pages,
                shop,
                date,
                time,
                currency,
                total,
                newItems,
                discounts,
                taxes,
                paymentMethod,
                invoiceNumber,
                confidence,
                checks,
                warnings,
                text,
                timingsMs,
                boxes);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Tax(BigDecimal rate, BigDecimal base, BigDecimal amount) {}
}

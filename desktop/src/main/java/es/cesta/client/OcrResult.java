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
        Map<String, Integer> timingsMs) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Shop(String name, String legalName, String taxId, String address) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(String description, BigDecimal quantity, String unit, BigDecimal unitPrice, BigDecimal amount) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Tax(BigDecimal rate, BigDecimal base, BigDecimal amount) {}
}

package es.cesta.tickets;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reading's self-checks (the contract's {@code checks}: the items and the VAT table against
 * the total) as they stand after the person's corrections. The service checked what it read; once
 * the person corrects the total, an item's amount or a VAT row, its verdict is about values no
 * longer shown, so that check is made again here on the corrected values, with the service's
 * tolerances. A check without its inputs (no items, no VAT table, no total) is null, as in the
 * contract.
 */
public final class SelfChecks {

    public static final String ITEMS = "items_sum_matches_total";
    public static final String TAXES = "taxes_match_total";

    // The service's tolerances: the items may miss the total by a cent of rounding, and each VAT
    // row by two (its base and its amount are rounded apart).
    private static final BigDecimal ITEMS_TOLERANCE = new BigDecimal("0.01");
    private static final BigDecimal TAX_ROW_TOLERANCE = new BigDecimal("0.02");

    private SelfChecks() {}

    /**
     * The checks to show: the service's, with each one whose inputs the person corrected made again.
     * {@code items} holds every line's amount (discounts negative), as corrected.
     */
    public static Map<String, Boolean> after(
            Map<String, Boolean> service,
            Collection<String> corrected,
            BigDecimal total,
            List<String> itemAmounts,
            List<TicketStore.TaxRow> taxes) {
        boolean totalCorrected = corrected.contains(TicketField.TOTAL.key());
        boolean itemsCorrected = corrected.stream()
                .anyMatch(key -> CorrectionKey.isItemColumn(key, LineColumn.AMOUNT) || CorrectionKey.isRemoval(key));
        boolean taxesCorrected = corrected.stream().anyMatch(CorrectionKey::isTax);
        Boolean items = (totalCorrected || itemsCorrected) ? itemsMatch(itemAmounts, total) : service.get(ITEMS);
        Boolean vat = (totalCorrected || taxesCorrected) ? taxesMatch(taxes, total) : service.get(TAXES);
        Map<String, Boolean> checks = new HashMap<>(service);
        checks.put(ITEMS, items);
        checks.put(TAXES, vat);
        return checks;
    }

    static Boolean itemsMatch(List<String> amounts, BigDecimal total) {
        List<BigDecimal> known = amounts.stream()
                .filter(a -> a != null && !a.isBlank())
                .map(BigDecimal::new)
                .toList();
        if (known.isEmpty() || total == null) {
            return null;
        }
        BigDecimal sum = known.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.subtract(total).abs().compareTo(ITEMS_TOLERANCE) <= 0;
    }

    static Boolean taxesMatch(List<TicketStore.TaxRow> taxes, BigDecimal total) {
        if (taxes.isEmpty() || total == null) {
            return null;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (TicketStore.TaxRow row : taxes) {
            sum = sum.add(amount(row.base())).add(amount(row.amount()));
        }
        BigDecimal tolerance = TAX_ROW_TOLERANCE.multiply(BigDecimal.valueOf(taxes.size()));
        return sum.subtract(total).abs().compareTo(tolerance) <= 0;
    }

    private static BigDecimal amount(String value) {
        return value == null || value.isBlank() ? BigDecimal.ZERO : new BigDecimal(value);
    }
}

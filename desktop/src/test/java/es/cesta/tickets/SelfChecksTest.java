package es.cesta.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SelfChecksTest {

    private static final Map<String, Boolean> SERVICE =
            Map.of(SelfChecks.ITEMS, false, SelfChecks.TAXES, false, "other", true);

    @Test
    void withNothingCorrectedTheServicesVerdictStands() {
        Map<String, Boolean> checks = SelfChecks.after(
                SERVICE,
                Set.of("shop_name", "item.item.0.description"),
                new BigDecimal("3.00"),
                List.of("3.00"),
                List.of());
        assertEquals(SERVICE, checks);
    }

    @Test
    void aCorrectedAmountOrTotalIsCheckedAgainWithTheServicesTolerance() {
        List<TicketStore.TaxRow> vat = List.of(
                new TicketStore.TaxRow(0, "10", "4.55", "0.45"), new TicketStore.TaxRow(1, "21", "4.13", "0.86"));
        Map<String, Boolean> checks = SelfChecks.after(
                SERVICE,
                Set.of("item.discount.0.amount"),
                new BigDecimal("10.00"),
                List.of("6.00", "4.50", "-0.49"),
                vat);
        assertTrue(checks.get(SelfChecks.ITEMS), "10.01 is a cent of rounding away");
        assertFalse(checks.get(SelfChecks.TAXES), "the VAT rows were not touched: the service's verdict");
        assertTrue(checks.get("other"));

        checks = SelfChecks.after(SERVICE, Set.of("total"), new BigDecimal("10.03"), List.of("10.00"), vat);
        assertFalse(checks.get(SelfChecks.ITEMS), "three cents off");
        assertTrue(checks.get(SelfChecks.TAXES), "two rows may miss by two cents each: 9.99 against 10.03");
    }

    @Test
    void aCheckWithoutItsInputsIsNull() {
        Map<String, Boolean> checks = SelfChecks.after(SERVICE, Set.of("total"), null, List.of("1.00"), List.of());
        assertNull(checks.get(SelfChecks.ITEMS));
        assertNull(checks.get(SelfChecks.TAXES));
        assertNull(SelfChecks.itemsMatch(List.of("", "  "), BigDecimal.ONE));
    }
}

package es.cesta.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CurrenciesTest {

    private record Paid(String amount, String currency) {
        BigDecimal value() {
            return amount == null ? null : new BigDecimal(amount);
        }
    }

    @Test
    void theMainCurrencyIsTheOneMostTicketsShowedAndTheEuroWhenNoneShowedAny() {
        assertEquals("MYR", Currencies.main(Arrays.asList("MYR", null, "EUR", "MYR", null, null)));
        assertEquals("EUR", Currencies.main(Arrays.asList(null, null)));
        assertEquals("EUR", Currencies.main(List.of()));
        assertEquals("EUR", Currencies.main(List.of("GBP", "EUR")), "a tie: the first code alphabetically");
    }

    @Test
    void amountsAreAddedUpPerCurrencyNeverAcross() {
        List<Paid> paid = List.of(
                new Paid("10.00", "EUR"),
                new Paid("5.50", null),
                new Paid("20.00", "MYR"),
                new Paid(null, "EUR"),
                new Paid("1.00", "GBP"));
        Map<String, BigDecimal> sums = Currencies.sums(paid, Paid::value, Paid::currency, "EUR");
        assertEquals(List.of("EUR", "GBP", "MYR"), List.copyOf(sums.keySet()), "the main one first");
        assertEquals(new BigDecimal("15.50"), sums.get("EUR"), "no sign: the main currency");
        assertEquals(new BigDecimal("20.00"), sums.get("MYR"));
        assertEquals(
                List.of("MYR", "EUR", "GBP"),
                List.copyOf(Currencies.sums(paid, Paid::value, Paid::currency, "MYR")
                        .keySet()));
    }
}

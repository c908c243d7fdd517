package es.cesta.ui.spending;

import static org.junit.jupiter.api.Assertions.assertEquals;

import es.cesta.tickets.ImportState;
import es.cesta.tickets.Ticket;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SpendingTest {

    private static Ticket ticket(String shop, String date, String total, ImportState state) {
        return new Ticket(
                UUID.randomUUID(),
                "t.pdf",
                "sha",
                state,
                null,
                shop,
                null,
                date == null ? null : LocalDate.parse(date),
                null,
                total == null ? null : new BigDecimal(total),
                "EUR",
                null,
                0,
                Path.of("t.pdf"),
                false,
                java.util.Set.of(),
                java.time.Instant.now(),
                null);
    }

    @Test
    void monthsAndShopsOfThePeriodEndingWithTheNewestTicket() {
        List<Ticket> tickets = List.of(
                ticket("MERCADONA", "2025-03-15", "20.12", ImportState.DONE),
                ticket("MERCADONA", "2025-03-01", "30.00", ImportState.DONE),
                ticket("DIA", "2025-02-06", "14.76", ImportState.DONE),
                ticket("DIA", "2024-10-29", "4.01", ImportState.DONE),
                ticket("LIDL", "2023-01-10", "9.99", ImportState.DONE),
                ticket("ALDI", null, "5.00", ImportState.DONE), // no date: not in a month
                ticket("ALCAMPO", "2025-03-02", "7.00", ImportState.FAILED));
        assertEquals(
                List.of(
                        new Spending.Bar("2025-02", new BigDecimal("14.76")),
                        new Spending.Bar("2025-03", new BigDecimal("50.12"))),
                Spending.perMonth(tickets, Spending.Period.LAST_3_MONTHS));
        assertEquals(
                3, Spending.perMonth(tickets, Spending.Period.LAST_12_MONTHS).size());
        assertEquals(4, Spending.perMonth(tickets, Spending.Period.ALL).size());
        assertEquals(
                List.of(
                        new Spending.Bar("MERCADONA", new BigDecimal("50.12")),
                        new Spending.Bar("DIA", new BigDecimal("18.77")),
                        new Spending.Bar("LIDL", new BigDecimal("9.99"))),
                Spending.perShop(tickets, Spending.Period.ALL, es.cesta.ui.Texts.english()));
    }

    @Test
    void beyondEightShopsTheRestAreTogether() {
        List<Ticket> tickets = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            tickets.add(ticket("SHOP " + i, "2025-01-0" + Math.min(i, 9), Integer.toString(i * 10), ImportState.DONE));
        }
        List<Spending.Bar> bars = Spending.perShop(tickets, Spending.Period.ALL, es.cesta.ui.Texts.english());
        assertEquals(Spending.SHOPS_SHOWN, bars.size());
        assertEquals(new Spending.Bar("Other shops", new BigDecimal("60")), bars.get(bars.size() - 1));
    }
}

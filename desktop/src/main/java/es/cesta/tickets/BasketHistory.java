package es.cesta.tickets;

import es.cesta.client.NextBasket;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The library as the shopping list's model reads it: one past ticket per read, dated ticket, with
 * its product lines as the person corrected them (renamed, re-categorised, removed lines left out,
 * quantities as corrected).
 */
public final class BasketHistory {

    /** How many products the window and the CLI list by default. */
    public static final int DEFAULT_LENGTH = 20;

    private BasketHistory() {}

    public static List<NextBasket.PastTicket> of(List<SpendingQueries.BoughtLine> lines) {
        Map<String, List<SpendingQueries.BoughtLine>> byTicket = new LinkedHashMap<>();
        lines.forEach(line -> byTicket.computeIfAbsent(line.ticketId(), id -> new ArrayList<>())
                .add(line));
        return byTicket.values().stream()
                .map(ticket -> new NextBasket.PastTicket(
                        ticket.get(0).date().atTime(LocalTime.NOON), // days are what a rhythm is made of
                        ticket.get(0).shop(),
                        ticket.stream()
                                .map(l -> new NextBasket.Line(
                                        shortened(l.description().strip()), l.category(), bought(l.quantity())))
                                .toList()))
                .toList();
    }

    /** A quantity the model can use: a return or a misread zero says nothing of how long it lasts. */
    private static BigDecimal bought(BigDecimal quantity) {
        return quantity != null && quantity.signum() > 0 ? quantity : null;
    }

    // The contract's longest description.
    private static final int LONGEST = 200;

    private static String shortened(String description) {
        return description.length() <= LONGEST ? description : description.substring(0, LONGEST);
    }

    public static NextBasket.Request askingAt(LocalDateTime now, List<SpendingQueries.BoughtLine> lines, int k) {
        return new NextBasket.Request(new NextBasket.UserContext(now), of(lines), k);
    }
}

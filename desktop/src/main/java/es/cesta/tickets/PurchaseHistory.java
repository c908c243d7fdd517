package es.cesta.tickets;

import es.cesta.client.NextShop;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/** The library as the next-shop model reads it: one visit per read ticket with a shop and a date. */
public final class PurchaseHistory {

    private PurchaseHistory() {}

    public static List<NextShop.Visit> of(List<Ticket> tickets) {
        java.util.function.Function<Ticket, String> shop = ShopIdentity.names(tickets); // one tax ID, one shop
        return tickets.stream()
                .filter(t -> t.state() == ImportState.DONE
                        && t.twinOf() == null
                        && t.date() != null
                        && shop.apply(t) != null)
                // A ticket without a readable time still counts, at midday.
                .map(t -> new NextShop.Visit(
                        shop.apply(t),
                        t.date().atTime(t.time() != null ? LocalTime.parse(t.time()) : LocalTime.NOON),
                        t.total()))
                .toList();
    }

    public static NextShop.Request askingAt(LocalDateTime now, List<Ticket> tickets) {
        return new NextShop.Request(
                new NextShop.UserContext(now, now.getDayOfWeek().getValue() >= 6), of(tickets));
    }
}

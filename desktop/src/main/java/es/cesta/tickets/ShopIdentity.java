package es.cesta.tickets;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One shop per tax ID for spending and the next-shop history: the tickets of one tax ID count as
 * one shop, under the name most of them show (a name taught by the person shows on all of them).
 * A ticket without a tax ID is known by its name.
 */
public final class ShopIdentity {

    private ShopIdentity() {}

    /** The shop's name to count each ticket under; null for a ticket with neither a name nor a tax ID. */
    public static Function<Ticket, String> names(List<Ticket> tickets) {
        Map<String, String> byTaxId = new HashMap<>();
        tickets.stream()
                .filter(t -> hasTaxId(t) && t.shopName() != null)
                .collect(Collectors.groupingBy(
                        t -> t.taxId().strip(), Collectors.groupingBy(Ticket::shopName, Collectors.counting())))
                .forEach((taxId, names) -> byTaxId.put(
                        taxId,
                        names.entrySet().stream()
                                .max(Map.Entry.<String, Long>comparingByValue()
                                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                                .orElseThrow()
                                .getKey()));
        return t -> hasTaxId(t) && byTaxId.containsKey(t.taxId().strip())
                ? byTaxId.get(t.taxId().strip())
                : t.shopName();
    }

    private static boolean hasTaxId(Ticket t) {
        return t.taxId() != null && !t.taxId().isBlank();
    }
}

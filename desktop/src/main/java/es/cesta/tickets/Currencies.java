package es.cesta.tickets;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which currency an amount counts in, so that money in two currencies is never added up. A ticket
 * that showed no currency sign (many till rolls print bare amounts) counts in the library's main
 * currency: the one most of its tickets showed, or the euro when none showed any, Cesta being made
 * for shoppers in Spain.
 */
public final class Currencies {

    /** The main currency of a library whose tickets showed none. */
    public static final String FALLBACK = "EUR";

    private Currencies() {}

    /** The currency most of {@code shown} are (nulls aside); {@link #FALLBACK} when there is none. */
    public static String main(Collection<String> shown) {
        return shown.stream()
                .filter(Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()))
                .entrySet()
                .stream()
                .max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(
                                Comparator.reverseOrder()))) // a tie goes to the first code alphabetically
                .map(Map.Entry::getKey)
                .orElse(FALLBACK);
    }

    /** The currency an amount counts in: its own, or {@code main} when it showed none. */
    public static String of(String currency, String main) {
        return currency == null || currency.isBlank() ? main : currency;
    }

    /**
     * The amounts added up per currency, the main currency first and the others by code; an amount
     * without a currency counts in {@code main}.
     */
    public static <T> Map<String, BigDecimal> sums(
            Collection<T> things, Function<T, BigDecimal> amount, Function<T, String> currency, String main) {
        Map<String, BigDecimal> byCode = new TreeMap<>();
        for (T thing : things) {
            BigDecimal value = amount.apply(thing);
            if (value != null) {
                byCode.merge(of(currency.apply(thing), main), value, BigDecimal::add);
            }
        }
        Map<String, BigDecimal> ordered = new LinkedHashMap<>();
        if (byCode.containsKey(main)) {
            ordered.put(main, byCode.remove(main));
        }
        ordered.putAll(byCode);
        return ordered;
    }
}

package es.cesta.ui.main;

import es.cesta.ui.Texts;
import java.util.List;

/**
 * A payment method as the person reads and types it ("tarjeta", "card") and as the library keeps
 * it (the contract's {@code card}, {@code cash}, {@code other}), so the table and the review use
 * the same word and a typed word is stored as the method it names.
 */
final class PaymentWords {

    static final List<String> METHODS = List.of("card", "cash", "other");

    private PaymentWords() {}

    /** The word for a stored method in the chosen language; anything else as it is. */
    static String shown(Texts texts, String method) {
        return method == null || method.isEmpty() || !METHODS.contains(method)
                ? method
                : texts.get("payment." + method);
    }

    /** The method a typed word names, in the chosen language or as the stored key; anything else as typed. */
    static String stored(Texts texts, String typed) {
        String word = typed.strip();
        for (String method : METHODS) {
            if (word.equalsIgnoreCase(method)
                    || word.toLowerCase(texts.locale())
                            .equals(texts.get("payment." + method).toLowerCase(texts.locale()))) {
                return method;
            }
        }
        return word;
    }
}

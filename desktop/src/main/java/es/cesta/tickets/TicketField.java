package es.cesta.tickets;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The ticket fields a person can correct in the review. One name each, used alike for the library's
 * column, the correction's key and the review form's field, so the three cannot drift apart.
 */
public enum TicketField {
    SHOP_NAME("shop_name"),
    SHOP_TAX_ID("shop_tax_id"),
    PURCHASE_DATE("purchase_date"),
    PURCHASE_TIME("purchase_time"),
    TOTAL("total"),
    PAYMENT_METHOD("payment_method");

    private final String key;

    TicketField(String key) {
        this.key = key;
    }

    /** The column of the tickets table and the key of a correction. */
    public String key() {
        return key;
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(TicketField::key).toList();
    }

    /** The field of a key, if it names one. */
    public static Optional<TicketField> of(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }
}

package es.cesta.tickets;

import java.util.List;

/**
 * The columns a person can correct in a ticket's item lines and VAT rows. One name each, used alike
 * for the library's column, the correction's key ({@link CorrectionKey}) and the review's table, so
 * they cannot drift apart; {@link TicketField} does the same for the ticket's own fields.
 */
public enum LineColumn {
    DESCRIPTION("description", false),
    QUANTITY("quantity", true),
    UNIT_PRICE("unit_price", true),
    AMOUNT("amount", true),
    CATEGORY("category", false),
    RATE("rate", true),
    BASE("base", true);

    /** The columns of an item or discount line. */
    public static final List<LineColumn> OF_ITEM = List.of(DESCRIPTION, QUANTITY, UNIT_PRICE, AMOUNT, CATEGORY);

    /** The columns of a VAT row. */
    public static final List<LineColumn> OF_TAX = List.of(RATE, BASE, AMOUNT);

    private final String key;
    private final boolean numeric;

    LineColumn(String key, boolean numeric) {
        this.key = key;
        this.numeric = numeric;
    }

    /** The column of the items or taxes table, and the last part of a correction's key. */
    public String key() {
        return key;
    }

    /** Whether the column holds a number (stored with a decimal point, whatever the person typed). */
    public boolean numeric() {
        return numeric;
    }
}

package es.cesta.tickets;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one spelling of a correction's key, in Java and in SQL. A ticket field's key is its column
 * ({@link TicketField#key()}); a line's is {@code item.<kind>.<position>.<column>} for an item or
 * discount line and {@code tax.<position>.<column>} for a VAT row.
 */
public final class CorrectionKey {

    // Not a column: the mark of a line the person removed from the ticket.
    private static final String REMOVED = "removed";

    private static final Pattern LINE =
            Pattern.compile("item\\.(item|discount)\\.\\d+\\.(" + alternatives(LineColumn.OF_ITEM) + "|" + REMOVED
                    + ")|tax\\.\\d+\\.(" + alternatives(LineColumn.OF_TAX) + ")");

    private CorrectionKey() {}

    /** The key of {@code column} of item line {@code position} of kind {@code kind} (item or discount). */
    public static String item(String kind, int position, LineColumn column) {
        return "item." + kind + "." + position + "." + column.key();
    }

    /**
     * The key that takes item line {@code position} of kind {@code kind} off the ticket: a removal is
     * a correction like any other, so Undo brings the line back and a Read again does not.
     */
    public static String removed(String kind, int position) {
        return "item." + kind + "." + position + "." + REMOVED;
    }

    /** The key of {@code column} of VAT row {@code position}. */
    public static String tax(int position, LineColumn column) {
        return "tax." + position + "." + column.key();
    }

    private static String alternatives(List<LineColumn> columns) {
        return columns.stream().map(LineColumn::key).collect(Collectors.joining("|"));
    }

    /** Whether {@code key} names column {@code column} of an item or discount line. */
    public static boolean isItemColumn(String key, LineColumn column) {
        return key.startsWith("item.") && key.endsWith("." + column.key());
    }

    /** Whether {@code key} takes a line off the ticket. */
    public static boolean isRemoval(String key) {
        return key.startsWith("item.") && key.endsWith("." + REMOVED);
    }

    /** Whether {@code key} names a column of a VAT row. */
    public static boolean isTax(String key) {
        return key.startsWith("tax.");
    }

    /** Whether a person may correct what {@code key} names. */
    static boolean isCorrectable(String key) {
        return TicketField.keys().contains(key) || LINE.matcher(key).matches();
    }

    /** {@link #item} as an SQL expression over the items row {@code alias}. */
    static String itemSql(String alias, LineColumn column) {
        return "'item.' || " + alias + ".kind || '.' || " + alias + ".position || '." + column.key() + "'";
    }

    /** {@link #tax} as an SQL expression over the taxes row {@code alias}. */
    static String taxSql(String alias, LineColumn column) {
        return "'tax.' || " + alias + ".position || '." + column.key() + "'";
    }

    /** An SQL condition: the items row {@code alias} is on the ticket (the person did not remove it). */
    static String keptSql(String alias) {
        return "NOT EXISTS (SELECT 1 FROM corrections r WHERE r.ticket_id = " + alias
                + ".ticket_id AND r.field = 'item.' || " + alias + ".kind || '.' || " + alias + ".position || '."
                + REMOVED + "')";
    }

    /** A ticket field's key as an SQL literal. */
    static String fieldSql(TicketField field) {
        return "'" + field.key() + "'";
    }

    /**
     * The person's correction with key {@code keySql} of the ticket whose id is {@code ticketIdSql},
     * as an SQL expression (NULL when there is none): wrapped in COALESCE with the extracted value,
     * the correction wins, and extraction never overwrites it.
     */
    static String corrected(String ticketIdSql, String keySql, String extractedSql) {
        return "COALESCE((SELECT c.value FROM corrections c WHERE c.ticket_id = " + ticketIdSql + " AND c.field = "
                + keySql + "), " + extractedSql + ")";
    }

    /** Only the person's correction, NULL when there is none. */
    static String correction(String ticketIdSql, String keySql) {
        return "(SELECT c.value FROM corrections c WHERE c.ticket_id = " + ticketIdSql + " AND c.field = " + keySql
                + ")";
    }
}

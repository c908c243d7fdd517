package es.cesta.tickets;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Questions about what was bought, across tickets, as the person corrected it. */
public final class SpendingQueries {

    /**
     * Every product line of a read ticket as the person sees it: corrected description, unit price,
     * date and shop win over what was extracted (spending questions follow the corrections).
     */
    static final String BOUGHT_LINES = "WITH bought AS (SELECT i.ticket_id, "
            + CorrectionKey.corrected(
                    "i.ticket_id", CorrectionKey.itemSql("i", LineColumn.DESCRIPTION), "i.description")
            + " AS description, "
            + CorrectionKey.corrected(
                    "i.ticket_id",
                    CorrectionKey.itemSql("i", LineColumn.UNIT_PRICE),
                    "i.unit_price, "
                            + CorrectionKey.correction("i.ticket_id", CorrectionKey.itemSql("i", LineColumn.AMOUNT))
                            + ", i.amount")
            + " AS unit_price, "
            + CorrectionKey.corrected("t.id", CorrectionKey.fieldSql(TicketField.PURCHASE_DATE), "t.purchase_date")
            + " AS purchase_date, "
            + CorrectionKey.corrected(
                    "t.id", CorrectionKey.fieldSql(TicketField.SHOP_NAME), ShopNames.taughtOrRead("t"))
            + " AS shop, t.shop_tax_id AS tax_id, i.position, "
            + CorrectionKey.corrected("i.ticket_id", CorrectionKey.itemSql("i", LineColumn.AMOUNT), "i.amount")
            + " AS amount, "
            + CorrectionKey.corrected("i.ticket_id", CorrectionKey.itemSql("i", LineColumn.CATEGORY), "i.category")
            + " AS category, "
            + CorrectionKey.corrected("i.ticket_id", CorrectionKey.itemSql("i", LineColumn.QUANTITY), "i.quantity")
            + " AS quantity, t.currency FROM items i JOIN tickets t ON t.id = i.ticket_id "
            + "WHERE i.kind = 'item' AND t.state = 'done' AND t.twin_of IS NULL AND " + CorrectionKey.keptSql("i")
            + ") ";

    /** A product's price on one ticket. */
    public record PricePoint(LocalDate date, String shop, BigDecimal unitPrice) {}

    /**
     * A product line of a dated ticket, as corrected (the shopping list's history); {@code quantity} is
     * null where the ticket printed none.
     */
    public record BoughtLine(
            String ticketId, LocalDate date, String shop, String description, String category, BigDecimal quantity) {}

    private final Library library;

    SpendingQueries(Library library) {
        this.library = library;
    }

    /** Product descriptions bought on at least two tickets, the most bought first. */
    public List<String> repeatedProducts() {
        return library.withConnection("Cannot read the products", connection -> {
            List<String> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(BOUGHT_LINES
                            + "SELECT description FROM bought WHERE purchase_date IS NOT NULL "
                            + "GROUP BY description HAVING COUNT(DISTINCT ticket_id) >= 2 "
                            + "ORDER BY COUNT(DISTINCT ticket_id) DESC, description");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
            return found;
        });
    }

    /** Every product line of every dated, read ticket (a probable duplicate left out), oldest first. */
    public List<BoughtLine> boughtLines() {
        return library.withConnection("Cannot read the bought lines", connection -> {
            List<BoughtLine> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(BOUGHT_LINES
                            + "SELECT ticket_id, purchase_date, shop, description, category, quantity FROM bought "
                            + "WHERE purchase_date IS NOT NULL AND TRIM(description) <> '' "
                            + "ORDER BY purchase_date, ticket_id, position");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new BoughtLine(
                            rows.getString(1),
                            LocalDate.parse(rows.getString(2)),
                            rows.getString(3),
                            rows.getString(4),
                            rows.getString(5),
                            number(rows.getString(6))));
                }
            }
            return found;
        });
    }

    /**
     * A stored number, or null where there is none: a quantity the ticket did not print, or one the
     * person cleared (a correction to "" ; any other correction of a number is stored plain).
     */
    private static BigDecimal number(String stored) {
        return stored == null || stored.isBlank() ? null : new BigDecimal(stored);
    }

    /** The unit price of a product (same description) on every dated ticket, oldest first. */
    public List<PricePoint> priceHistory(String description) {
        return library.withConnection("Cannot read the price history", connection -> {
            List<PricePoint> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    BOUGHT_LINES + "SELECT purchase_date, shop, unit_price FROM bought WHERE description = ? "
                            + "AND purchase_date IS NOT NULL ORDER BY purchase_date")) {
                select.setString(1, description);
                ResultSet rows = select.executeQuery();
                while (rows.next()) {
                    found.add(new PricePoint(
                            LocalDate.parse(rows.getString(1)), rows.getString(2), new BigDecimal(rows.getString(3))));
                }
            }
            return found;
        });
    }
}

package es.cesta.tickets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import es.cesta.client.IntelligenceClient;
import es.cesta.client.OcrResult;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Writes the service's answer into a ticket: its row, its item and VAT lines, and the whole answer
 * as JSON (the confidence, checks and warnings the review shows). The caller's transaction makes
 * it all or nothing; a reading again replaces the lines, never the person's corrections.
 */
final class ReadingWriter {

    private final ObjectMapper json = IntelligenceClient.mapper();

    void write(Connection connection, UUID id, OcrResult r) throws SQLException {
        String key = id.toString();
        // The person's own lines stay: they are the person's, as their corrections are.
        for (String table : List.of("items WHERE by_person = 0 AND", "taxes WHERE")) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " ticket_id = ?")) {
                delete.setString(1, key);
                delete.executeUpdate();
            }
        }
        OcrResult.Shop shop = r.shop() != null ? r.shop() : new OcrResult.Shop(null, null, null, null);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE tickets SET state = 'done', failure = NULL, updated_at = ?, source = ?, shop_name = ?, "
                        + "shop_legal_name = ?, shop_tax_id = ?, shop_address = ?, purchase_date = ?, purchase_time = ?, "
                        + "currency = ?, total = ?, payment_method = ?, invoice_number = ?, raw_answer = ? WHERE id = ?")) {
            Object[] values = {
                Instant.now().toString(),
                r.source(),
                shop.name(),
                shop.legalName(),
                shop.taxId(),
                shop.address(),
                r.date() != null ? r.date().toString() : null,
                r.time(),
                r.currency(),
                plain(r.total()),
                r.paymentMethod(),
                r.invoiceNumber(),
                answer(r),
                key
            };
            for (int i = 0; i < values.length; i++) {
                update.setObject(i + 1, values[i]);
            }
            update.executeUpdate();
        }
        markTwin(connection, key);
        insertItems(connection, key, "item", r.items());
        insertItems(connection, key, "discount", r.discounts());
        insertTaxes(connection, key, r.taxes());
    }

    /**
     * Flags the ticket as the probable twin of an earlier one: same date and total, the same time
     * when both show one, and the same tax ID or shop name. A purchase is then counted once in the
     * spending until the person keeps both or deletes one; a ticket the person kept is not flagged
     * again by a new reading.
     */
    private static void markTwin(Connection connection, String key) throws SQLException {
        try (PreparedStatement twin = connection.prepareStatement("UPDATE tickets SET twin_of = (SELECT o.id FROM "
                + "tickets o WHERE o.id <> tickets.id AND o.state = 'done' AND o.twin_of IS NULL "
                + "AND o.purchase_date = tickets.purchase_date AND o.total = tickets.total "
                + "AND (o.purchase_time IS NULL OR tickets.purchase_time IS NULL "
                + "OR o.purchase_time = tickets.purchase_time) "
                + "AND (o.shop_tax_id = tickets.shop_tax_id OR UPPER(TRIM(o.shop_name)) = UPPER(TRIM(tickets.shop_name))) "
                + "ORDER BY o.imported_at LIMIT 1) "
                + "WHERE id = ? AND twin_kept = 0")) {
            twin.setString(1, key);
            twin.executeUpdate();
        }
    }

    private String answer(OcrResult r) throws SQLException {
        try {
            return json.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new SQLException("the answer cannot be kept as JSON: " + e.getMessage(), e);
        }
    }

    private static void insertItems(Connection connection, String key, String kind, List<OcrResult.Item> items)
            throws SQLException {
        if (items == null) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO items (ticket_id, position, kind, "
                + "description, quantity, unit, unit_price, amount, category, category_confidence) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < items.size(); i++) {
                OcrResult.Item item = items.get(i);
                insert.setString(1, key);
                insert.setInt(2, i);
                insert.setString(3, kind);
                insert.setString(4, item.description());
                insert.setString(5, plain(item.quantity()));
                insert.setString(6, item.unit());
                insert.setString(7, plain(item.unitPrice()));
                insert.setString(8, plain(item.amount()));
                insert.setString(9, item.category());
                insert.setObject(10, item.categoryConfidence());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertTaxes(Connection connection, String key, List<OcrResult.Tax> taxes) throws SQLException {
        if (taxes == null) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO taxes (ticket_id, position, rate, base, amount) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < taxes.size(); i++) {
                OcrResult.Tax tax = taxes.get(i);
                insert.setString(1, key);
                insert.setInt(2, i);
                insert.setString(3, plain(tax.rate()));
                insert.setString(4, plain(tax.base()));
                insert.setString(5, plain(tax.amount()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static String plain(BigDecimal value) {
        return value != null ? value.toPlainString() : null;
    }
}

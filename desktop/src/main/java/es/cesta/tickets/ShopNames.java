package es.cesta.tickets;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * Shop names the person taught. Renaming one ticket's shop ("MERCADONA, S.A." to "Mercadona
 * Burjassot") names every ticket with the same tax ID, or, for a ticket without one, every ticket
 * whose shop was read with the same name. A ticket's own shop correction still wins over both.
 */
final class ShopNames {

    private ShopNames() {}

    /** The shop's name as the library shows it, for the tickets row {@code alias}, as an SQL expression. */
    static String taughtOrRead(String alias) {
        return "COALESCE((SELECT n.name FROM shop_names n WHERE n.shop_key = 'tax:' || " + alias + ".shop_tax_id), "
                + "(SELECT n.name FROM shop_names n WHERE n.shop_key = 'name:' || TRIM(" + alias + ".shop_name)), "
                + alias + ".shop_name)";
    }

    /**
     * Remembers {@code name} for the shop of ticket {@code id}: by its tax ID, else by the name read.
     * A null name forgets it (the person cleared or undid the rename).
     */
    static void teach(Connection connection, UUID id, String name) throws SQLException {
        String key = null;
        try (PreparedStatement select =
                connection.prepareStatement("SELECT shop_tax_id, shop_name FROM tickets WHERE id = ?")) {
            select.setString(1, id.toString());
            ResultSet row = select.executeQuery();
            if (row.next()) {
                String taxId = row.getString(1);
                String read = row.getString(2);
                if (taxId != null && !taxId.isBlank()) {
                    key = "tax:" + taxId;
                } else if (read != null && !read.isBlank()) {
                    key = "name:" + read.strip();
                }
            }
        }
        if (key == null) {
            return; // nothing was read to know the shop by: the correction names this ticket only
        }
        if (name == null) {
            try (PreparedStatement forget = connection.prepareStatement("DELETE FROM shop_names WHERE shop_key = ?")) {
                forget.setString(1, key);
                forget.executeUpdate();
            }
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO shop_names (shop_key, name, taught_at) VALUES (?, ?, ?) ON CONFLICT (shop_key) "
                        + "DO UPDATE SET name = excluded.name, taught_at = excluded.taught_at")) {
            upsert.setString(1, key);
            upsert.setString(2, name);
            upsert.setString(3, Instant.now().toString());
            upsert.executeUpdate();
        }
    }
}

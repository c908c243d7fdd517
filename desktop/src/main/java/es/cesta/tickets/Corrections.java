package es.cesta.tickets;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What the person corrected, kept beside what was extracted (never over it): a reading again, or a
 * new model, leaves the person's values in place. Reading a ticket applies them in SQL
 * ({@link CorrectionKey#corrected}).
 */
public final class Corrections {

    /** Saves one correction (ticket_id, field, value, corrected_at), replacing the field's earlier one. */
    static final String SAVE = "INSERT INTO corrections (ticket_id, field, value, corrected_at) "
            + "VALUES (?, ?, ?, ?) ON CONFLICT (ticket_id, field) DO UPDATE SET value = excluded.value, "
            + "corrected_at = excluded.corrected_at";

    private final Library library;

    Corrections(Library library) {
        this.library = library;
    }

    /** Saves a correction (null or blank removes it); a shop's new name names its other tickets too. */
    public void save(UUID id, String key, String value) {
        if (!CorrectionKey.isCorrectable(key)) {
            throw new IllegalArgumentException("not a correctable field: " + key);
        }
        String kept = value == null || value.isBlank() ? null : value.strip();
        library.withConnection("Cannot save the correction", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    kept == null ? "DELETE FROM corrections WHERE ticket_id = ? AND field = ?" : SAVE)) {
                statement.setString(1, id.toString());
                statement.setString(2, key);
                if (kept != null) {
                    statement.setString(3, kept);
                    statement.setString(4, Instant.now().toString());
                }
                statement.executeUpdate();
            }
            if (key.equals(TicketField.SHOP_NAME.key())) {
                ShopNames.teach(connection, id, kept);
            }
            return null;
        });
    }

    /** Every correction of a ticket, by key. */
    public Map<String, String> of(UUID id) {
        return library.withConnection("Cannot read the corrections of ticket " + id, connection -> {
            Map<String, String> found = new HashMap<>();
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT field, value FROM corrections WHERE ticket_id = ?")) {
                select.setString(1, id.toString());
                ResultSet rows = select.executeQuery();
                while (rows.next()) {
                    found.put(rows.getString(1), rows.getString(2));
                }
            }
            return found;
        });
    }
}

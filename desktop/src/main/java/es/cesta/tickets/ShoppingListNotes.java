package es.cesta.tickets;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The shopping list as the person left it: the lines they added, and the lines they ticked off.
 *
 * <p>Kept in the library, so a backup holds it too, and written whole at every change (a list is
 * a few dozen lines). A tick on a line the model listed is kept with the day of the library's newest
 * ticket when it was ticked ({@link Note#asOf}): the list made after a newer ticket is a new list.
 */
public final class ShoppingListNotes {

    /** One line worth remembering; {@code asOf} is null for none (a library without tickets). */
    public record Note(String description, boolean own, boolean ticked, LocalDate asOf) {}

    private final TicketStore store;

    public ShoppingListNotes(TicketStore store) {
        this.store = store;
    }

    public List<Note> load() {
        return store.library().withConnection("Cannot read the shopping list", connection -> {
            List<Note> notes = new ArrayList<>();
            try (Statement select = connection.createStatement();
                    ResultSet rows = select.executeQuery(
                            "SELECT description, own, ticked, as_of FROM shopping_list ORDER BY position")) {
                while (rows.next()) {
                    String asOf = rows.getString(4);
                    notes.add(new Note(
                            rows.getString(1),
                            rows.getInt(2) == 1,
                            rows.getInt(3) == 1,
                            asOf == null ? null : LocalDate.parse(asOf)));
                }
            }
            return notes;
        });
    }

    /** Replaces what was kept by {@code notes}, in one transaction. */
    public void save(List<Note> notes) {
        store.library().inTransaction("Cannot keep the shopping list", connection -> {
            try (Statement clear = connection.createStatement()) {
                clear.executeUpdate("DELETE FROM shopping_list");
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO shopping_list (position, description, own, ticked, as_of) VALUES (?, ?, ?, ?, ?)")) {
                for (int position = 0; position < notes.size(); position++) {
                    Note note = notes.get(position);
                    insert.setInt(1, position);
                    insert.setString(2, note.description());
                    insert.setInt(3, note.own() ? 1 : 0);
                    insert.setInt(4, note.ticked() ? 1 : 0);
                    insert.setString(5, note.asOf() == null ? null : note.asOf().toString());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }
}

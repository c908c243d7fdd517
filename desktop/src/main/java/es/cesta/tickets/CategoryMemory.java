package es.cesta.tickets;

import es.cesta.client.Categorize;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the person taught about categories, and the library's lines by category.
 *
 * <p>A category the person chose is a correction of its line ({@code item.item.<position>.category})
 * like any other, so the model's answer never overwrites it. Those corrections are also the
 * examples sent with every {@code /categorize} request, oldest first, so that the service gives
 * their category to every later line with the same or a near-same description.
 */
public final class CategoryMemory {

    /** A product line of a read ticket as the person sees it. */
    public record Line(
            UUID ticketId,
            int position,
            LocalDate date,
            String shop,
            String description,
            Category category,
            BigDecimal amount,
            String currency) {}

    private record LineRef(String ticketId, int position) {}

    // The person's category choices with the description of their line, oldest first.
    private static final String EXAMPLES = "SELECT "
            + CorrectionKey.corrected(
                    "i.ticket_id", CorrectionKey.itemSql("i", LineColumn.DESCRIPTION), "i.description")
            + ", c.value FROM corrections c JOIN items i ON i.ticket_id = c.ticket_id AND i.kind = 'item' "
            + "AND c.field = " + CorrectionKey.itemSql("i", LineColumn.CATEGORY) + " ORDER BY c.corrected_at, c.rowid";

    // Other lines that read the same (case and surrounding spaces aside) and show another category.
    private static final String OTHERS = SpendingQueries.BOUGHT_LINES
            + "SELECT ticket_id, position FROM bought WHERE UPPER(TRIM(description)) = UPPER(TRIM(?)) "
            + "AND NOT (ticket_id = ? AND position = ?) AND category IS NOT ?";

    private final TicketStore store;

    public CategoryMemory(TicketStore store) {
        this.store = store;
    }

    public List<Categorize.Example> examples() {
        return store.library().withConnection("Cannot read the categories you chose", connection -> {
            List<Categorize.Example> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(EXAMPLES)) {
                ResultSet rows = select.executeQuery();
                while (rows.next()) {
                    found.add(new Categorize.Example(rows.getString(1), rows.getString(2)));
                }
            }
            return found;
        });
    }

    /** The person's category for one line of a ticket: stored as its correction. */
    public void choose(UUID ticketId, int position, Category category) {
        store.corrections().save(ticketId, CorrectionKey.item("item", position, LineColumn.CATEGORY), category.key());
    }

    /** How many other lines of the library read like this one and show another category than {@code category}. */
    public int othersLike(UUID ticketId, int position, String description, Category category) {
        return others(ticketId, position, description, category).size();
    }

    /**
     * Gives {@code category} to the other lines that read like this one (each as the person's own
     * correction, in one transaction); returns how many changed.
     */
    public int applyToOthers(UUID ticketId, int position, String description, Category category) {
        List<LineRef> targets = others(ticketId, position, description, category);
        return store.library().inTransaction("Cannot apply the category to the other lines", connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(Corrections.SAVE)) {
                String now = Instant.now().toString();
                for (LineRef target : targets) {
                    upsert.setString(1, target.ticketId());
                    upsert.setString(2, CorrectionKey.item("item", target.position(), LineColumn.CATEGORY));
                    upsert.setString(3, category.key());
                    upsert.setString(4, now);
                    upsert.addBatch();
                }
                upsert.executeBatch();
                return targets.size();
            }
        });
    }

    private List<LineRef> others(UUID ticketId, int position, String description, Category category) {
        return store.library().withConnection("Cannot look for lines like this one", connection -> {
            List<LineRef> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(OTHERS)) {
                select.setString(1, description);
                select.setString(2, ticketId.toString());
                select.setInt(3, position);
                select.setString(4, category.key());
                ResultSet rows = select.executeQuery();
                while (rows.next()) {
                    found.add(new LineRef(rows.getString(1), rows.getInt(2)));
                }
            }
            return found;
        });
    }

    /** Every product line of the read, dated tickets, with its category (none when it has none yet). */
    public List<Line> lines() {
        return store.library().withConnection("Cannot read the lines by category", connection -> {
            List<Line> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    SpendingQueries.BOUGHT_LINES
                            + "SELECT ticket_id, position, purchase_date, shop, description, category, amount, currency FROM bought "
                            + "WHERE purchase_date IS NOT NULL AND amount IS NOT NULL ORDER BY purchase_date, ticket_id, position")) {
                ResultSet rows = select.executeQuery();
                while (rows.next()) {
                    found.add(new Line(
                            UUID.fromString(rows.getString(1)),
                            rows.getInt(2),
                            LocalDate.parse(rows.getString(3)),
                            rows.getString(4),
                            rows.getString(5),
                            Category.of(rows.getString(6)).orElse(null),
                            new BigDecimal(rows.getString(7)),
                            rows.getString(8)));
                }
            }
            return found;
        });
    }
}

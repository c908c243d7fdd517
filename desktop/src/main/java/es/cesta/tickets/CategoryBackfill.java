package es.cesta.tickets;

import es.cesta.client.Categorize;
import es.cesta.client.IntelligenceClient;
import es.cesta.client.ServiceException;
import es.cesta.client.ServiceUnavailableException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives a category to the lines stored without one: a library read before categories existed, or
 * a ticket stored while the service could not be asked. Runs when the service is ready; asks for
 * each distinct description once, with the person's examples, in batches the contract accepts.
 *
 * <p>Invariant: it only fills a line's empty model category; the person's choice (a correction) is
 * never touched, and a line that has a category keeps it.
 */
public final class CategoryBackfill {

    static final int BATCH = 500; // descriptions per request; the contract takes up to 2,000
    private static final Logger LOG = Logger.getLogger("cesta.import");

    private final TicketStore store;
    private final IntelligenceClient client;

    public CategoryBackfill(TicketStore store, IntelligenceClient client) {
        this.store = store;
        this.client = client;
    }

    /** Lines given a category; 0 when there was none to give or the service could not be asked. */
    public int run() {
        List<Categorize.Example> examples = new CategoryMemory(store).examples();
        int filled = 0;
        try {
            List<String> descriptions = uncategorised();
            while (!descriptions.isEmpty()) {
                List<Categorize.Answer> answers = client.categorize(new Categorize.Request(
                                descriptions.stream().map(Categorize.Line::new).toList(), examples))
                        .items();
                int saved = save(answers);
                filled += saved;
                // A short batch was the last; a batch that filled nothing would only come back.
                descriptions = descriptions.size() < BATCH || saved == 0 ? List.of() : uncategorised();
            }
        } catch (ServiceUnavailableException | ServiceException e) {
            LOG.log(Level.WARNING, "lines without a category keep none until the next start", e);
        }
        return filled;
    }

    private List<String> uncategorised() {
        return store.library().withConnection("Cannot read the lines without a category", connection -> {
            List<String> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT description FROM items "
                    + "WHERE kind = 'item' AND category IS NULL AND TRIM(description) <> '' LIMIT " + BATCH)) {
                ResultSet rows = select.executeQuery();
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
            return found;
        });
    }

    private int save(List<Categorize.Answer> answers) {
        return store.library().inTransaction("Cannot store the categories", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE items SET category = ?, "
                    + "category_confidence = ? WHERE kind = 'item' AND category IS NULL AND description = ?")) {
                int changed = 0;
                for (Categorize.Answer answer : answers) {
                    update.setString(1, answer.category());
                    update.setDouble(2, answer.categoryConfidence());
                    update.setString(3, answer.description());
                    changed += update.executeUpdate();
                }
                return changed;
            }
        });
    }
}

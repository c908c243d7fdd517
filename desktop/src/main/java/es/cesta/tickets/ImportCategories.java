package es.cesta.tickets;

import es.cesta.client.Categorize;
import es.cesta.client.IntelligenceClient;
import es.cesta.client.OcrResult;
import es.cesta.client.ServiceException;
import es.cesta.client.ServiceUnavailableException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The categories of a ticket just read, asked again of the service with the person's examples
 * (what they corrected before), so that a line they taught gets their category from then on.
 * Without examples the categories of {@code /ocr/process} stand and no second call is made.
 *
 * <p>Invariant: a failed {@code /categorize} never fails the import. The ticket keeps the model's
 * categories, and a line that is exactly one of the examples still gets the person's category.
 */
public final class ImportCategories {

    private static final Logger LOG = Logger.getLogger("cesta.import");

    private final IntelligenceClient client;
    private final CategoryMemory memory;

    public ImportCategories(IntelligenceClient client, CategoryMemory memory) {
        this.client = client;
        this.memory = memory;
    }

    public OcrResult withPersonsExamples(OcrResult read) {
        List<OcrResult.Item> items = read.items() != null ? read.items() : List.of();
        List<Categorize.Example> examples = memory.examples();
        if (items.isEmpty() || examples.isEmpty()) {
            return read;
        }
        try {
            List<Categorize.Line> lines = items.stream()
                    .map(i -> new Categorize.Line(i.description()))
                    .toList();
            List<Categorize.Answer> answers =
                    client.categorize(new Categorize.Request(lines, examples)).items();
            List<OcrResult.Item> categorised = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Categorize.Answer answer = answers.get(i);
                categorised.add(items.get(i).withCategory(answer.category(), answer.categoryConfidence()));
            }
            return read.withItems(categorised);
        } catch (ServiceUnavailableException | ServiceException | IndexOutOfBoundsException e) {
            LOG.log(Level.WARNING, "categories not asked again; the person's exact lines are applied here", e);
            return read.withItems(exactlyTaught(items, examples));
        }
    }

    private static List<OcrResult.Item> exactlyTaught(List<OcrResult.Item> items, List<Categorize.Example> examples) {
        Map<String, String> taught = new HashMap<>();
        examples.forEach(e -> taught.put(plain(e.description()), e.category())); // a later example wins
        return items.stream()
                .map(item -> {
                    String category = taught.get(plain(item.description()));
                    return category != null ? item.withCategory(category, 1.0) : item;
                })
                .toList();
    }

    private static String plain(String description) {
        return description == null ? "" : description.strip().toUpperCase(Locale.ROOT);
    }
}

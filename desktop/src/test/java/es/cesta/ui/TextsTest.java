package es.cesta.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every sentence a person sees exists in English and in Spanish, and every key the code asks for is there. */
class TextsTest {

    // Words spelt the same in both languages, and patterns that are no words at all.
    private static final Set<String> SAME_IN_BOTH = Set.of(
            "tab.tickets",
            "column.total",
            "column.base",
            "field.total",
            "doubt.total",
            "import.filter",
            "nextShop.when",
            "backup.choice",
            "page.zoom",
            "list.chance");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");
    private static final Pattern ASKED_IN_JAVA = Pattern.compile("texts\\(?\\)?\\.get\\(\\s*\"([a-zA-Z0-9_.]+)\"");
    private static final Pattern ASKED_IN_FXML = Pattern.compile("\"%([a-zA-Z0-9_.]+)\"");

    private final Texts english = Texts.english();
    private final Texts spanish = Texts.of("es");

    @Test
    void everyKeyIsTranslatedWithTheSamePlaceholders() {
        Set<String> englishKeys = new TreeSet<>(english.bundle().keySet());
        Set<String> spanishKeys = new TreeSet<>(spanish.bundle().keySet());
        assertEquals(englishKeys, spanishKeys, "the same keys in messages.properties and messages_es.properties");
        List<String> problems = new ArrayList<>();
        for (String key : englishKeys) {
            String en = english.bundle().getString(key);
            String es = spanish.bundle().getString(key);
            if (en.isBlank() || es.isBlank()) {
                problems.add(key + " is empty");
            }
            if (en.equals(es) && !SAME_IN_BOTH.contains(key)) {
                problems.add(key + " is not translated: " + es);
            }
            if (!placeholders(en).equals(placeholders(es))) {
                problems.add(key + " has other placeholders in Spanish: " + en + " / " + es);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyKeyTheWindowAsksForExists() throws IOException {
        Set<String> asked = new TreeSet<>();
        asked.addAll(found(Path.of("src/main/java"), ".java", ASKED_IN_JAVA));
        asked.addAll(found(Path.of("src/main/resources"), ".fxml", ASKED_IN_FXML));
        assertTrue(asked.size() > 50, "the sources were found: " + asked.size());
        asked.removeIf(key -> key.endsWith(".") || english.bundle().containsKey(key)); // "doubt." + a field
        assertTrue(asked.isEmpty(), "asked for but missing: " + asked);
        for (String prefix : List.of("payment.card", "payment.cash", "payment.other", "doubt.items", "doubt.taxes")) {
            asked.add(prefix);
        }
        es.cesta.tickets.TicketField.keys().forEach(field -> asked.add("doubt." + field));
        asked.removeIf(english.bundle()::containsKey);
        assertTrue(asked.isEmpty(), "asked for but missing: " + asked);
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Set<String> found(Path root, String suffix, Pattern pattern) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    keys.add(matcher.group(1));
                }
            }
        }
        return keys;
    }
}

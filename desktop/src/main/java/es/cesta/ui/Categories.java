package es.cesta.ui;

import es.cesta.tickets.Category;
import es.cesta.tickets.SpendingGroup;
import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import javafx.util.StringConverter;

/** Categories and their groups in the window's words, and in the order a person looks for them. */
public final class Categories {

    private Categories() {}

    public static String name(Texts texts, Category category) {
        return category == null ? "" : texts.get(category.textKey());
    }

    public static String name(Texts texts, SpendingGroup group) {
        return texts.get(group.textKey());
    }

    /** Alphabetical in the window's language (accents sorted as the language sorts them). */
    public static List<Category> sortedByName(Texts texts) {
        Collator collator = Collator.getInstance(texts.locale());
        return Arrays.stream(Category.values())
                .sorted(Comparator.comparing((Category c) -> name(texts, c), collator))
                .toList();
    }

    public static StringConverter<Category> converter(Texts texts) {
        return new StringConverter<>() {
            @Override
            public String toString(Category category) {
                return name(texts, category);
            }

            @Override
            public Category fromString(String text) {
                return Arrays.stream(Category.values())
                        .filter(c -> name(texts, c).equals(text))
                        .findFirst()
                        .orElse(null);
            }
        };
    }
}

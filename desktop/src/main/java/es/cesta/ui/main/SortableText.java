package es.cesta.ui.main;

import java.util.Comparator;

/**
 * A table cell's words with the value it sorts by, so that a column shown in the person's language
 * sorts by meaning: "28/11/2026" as a date, "1.234,56" as an amount, "10" items after "9". A cell
 * without a value sorts first.
 */
record SortableText<K extends Comparable<? super K>>(String text, K key) implements Comparable<SortableText<K>> {

    @Override
    public int compareTo(SortableText<K> other) {
        return Comparator.nullsFirst(Comparator.<K>naturalOrder()).compare(key, other.key);
    }

    @Override
    public String toString() {
        return text;
    }
}

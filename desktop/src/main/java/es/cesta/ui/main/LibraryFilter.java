package es.cesta.ui.main;

import es.cesta.tickets.Category;
import java.time.LocalDate;
import java.util.function.Predicate;

/**
 * What the library shows: search text, a date range (either end open), one shop or all, and the
 * tickets with a line of one category or all.
 */
record LibraryFilter(String search, LocalDate from, LocalDate to, String shop, Category category)
        implements Predicate<TicketRow> {

    static final LibraryFilter ALL = new LibraryFilter("", null, null, null, null);

    @Override
    public boolean test(TicketRow row) {
        if (!row.matches(search)) {
            return false;
        }
        if (shop != null && !shop.equals(row.shopProperty().get())) {
            return false;
        }
        if (category != null && !row.categories().contains(category)) {
            return false;
        }
        if (from == null && to == null) {
            return true;
        }
        LocalDate date = row.dateValue(); // an undated ticket is outside every range
        return date != null && (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }
}

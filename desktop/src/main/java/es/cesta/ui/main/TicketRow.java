package es.cesta.ui.main;

import java.nio.file.Path;
import java.util.UUID;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One line of the library table: a ticket, or a file on its way in (with its progress and reason). */
public final class TicketRow {

    private final Path file;
    private UUID ticketId;
    private final ReadOnlyStringWrapper date = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper shop = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper total = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper payment = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private java.util.Set<es.cesta.tickets.Category> categories = java.util.Set.of();
    private java.time.LocalDate dateValue;
    private String currency;
    // An undated ticket sorts by the day it came in: a new file is today's until it is read.
    private java.time.LocalDate arrival = java.time.LocalDate.now(java.time.ZoneId.systemDefault());
    // What the table's date, total and items columns show and sort by, kept with the row so that
    // sorting does not build a value per comparison.
    private final javafx.beans.property.ReadOnlyObjectWrapper<SortableText<java.time.LocalDate>> dateCell =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(new SortableText<>("", arrival));
    private final javafx.beans.property.ReadOnlyObjectWrapper<SortableText<java.math.BigDecimal>> totalCell =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(new SortableText<>("", null));
    private final javafx.beans.property.ReadOnlyObjectWrapper<SortableText<Integer>> itemsCell =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(new SortableText<>("", null));
    // Ticks once per fill or state change, however many of the row's values changed: the library's
    // list listens to this alone, so a read row re-sorts the table once, not once per column.
    private final javafx.beans.property.ReadOnlyLongWrapper changes = new javafx.beans.property.ReadOnlyLongWrapper();
    private Status status = Status.QUEUED;
    private String detail = "";

    /** Where a row's ticket is; the words for it come from the view model's language. */
    enum Status {
        QUEUED,
        READING,
        DONE,
        DUPLICATE,
        TWIN, // read, and probably the same purchase as another ticket of the library
        FAILED
    }

    public TicketRow(Path file, UUID ticketId) {
        this.file = file;
        this.ticketId = ticketId;
    }

    /** The ticket as read, with its date and total already written in the window's language. */
    void fill(es.cesta.tickets.Ticket ticket, String dateText, String totalText) {
        categories = ticket.categories();
        dateValue = ticket.date();
        currency = ticket.currency();
        arrival = ticket.importedAt().atZone(java.time.ZoneId.systemDefault()).toLocalDate();
        date.set(dateText);
        shop.set(ticket.shopName() == null ? "" : ticket.shopName());
        total.set(totalText);
        payment.set(ticket.paymentMethod() == null ? "" : ticket.paymentMethod());
        dateCell.set(new SortableText<>(dateText, dateValue != null ? dateValue : arrival));
        totalCell.set(new SortableText<>(totalText, ticket.total()));
        itemsCell.set(new SortableText<>(Integer.toString(ticket.items()), ticket.items()));
        changes.set(changes.get() + 1);
    }

    /** Ticks when the row was filled again or changed state. */
    javafx.beans.value.ObservableValue<Number> changes() {
        return changes.getReadOnlyProperty();
    }

    javafx.beans.value.ObservableValue<SortableText<java.time.LocalDate>> dateCell() {
        return dateCell.getReadOnlyProperty();
    }

    javafx.beans.value.ObservableValue<SortableText<java.math.BigDecimal>> totalCell() {
        return totalCell.getReadOnlyProperty();
    }

    javafx.beans.value.ObservableValue<SortableText<Integer>> itemsCell() {
        return itemsCell.getReadOnlyProperty();
    }

    /** The currency the ticket showed; null when it showed none (or is not read yet). */
    String currency() {
        return currency;
    }

    /** The categories of the ticket's lines (none before it is read). */
    java.util.Set<es.cesta.tickets.Category> categories() {
        return categories;
    }

    /**
     * True when the search text appears, case aside, in what the row shows (shop, date, total,
     * state, file) as written in the window's language, or in the stored date and total: "8,76"
     * and "8.76" both find a total of 8.76, "2025-01" a date of that month.
     */
    boolean matches(String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String needle = text.strip().toLowerCase(java.util.Locale.ROOT);
        boolean shown = java.util.stream.Stream.of(
                        shop.get(),
                        date.get(),
                        total.get(),
                        state.get(),
                        file.getFileName().toString())
                .anyMatch(value -> value != null
                        && value.toLowerCase(java.util.Locale.ROOT).contains(needle));
        String plainNeedle = needle.replace(',', '.');
        return shown
                || (totalValue() != null && totalValue().toPlainString().contains(plainNeedle))
                || (dateValue != null && dateValue.toString().contains(needle));
    }

    java.math.BigDecimal totalValue() {
        return totalCell.get().key();
    }

    void setStatus(Status newStatus, String newDetail, String text) {
        status = newStatus;
        detail = newDetail == null ? "" : newDetail;
        state.set(text);
        changes.set(changes.get() + 1);
    }

    Status status() {
        return status;
    }

    String detail() {
        return detail;
    }

    /** The date as a date, or null when none was read. */
    java.time.LocalDate dateValue() {
        return dateValue;
    }

    void setTicketId(UUID id) {
        ticketId = id;
    }

    public Path file() {
        return file;
    }

    public UUID ticketId() {
        return ticketId;
    }

    public ReadOnlyStringProperty dateProperty() {
        return date.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty shopProperty() {
        return shop.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty paymentProperty() {
        return payment.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }
}

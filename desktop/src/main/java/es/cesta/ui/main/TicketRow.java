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
    private final ReadOnlyStringWrapper items = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper payment = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private java.util.Set<es.cesta.tickets.Category> categories = java.util.Set.of();
    private java.time.LocalDate dateValue;
    private java.math.BigDecimal totalValue;
    private String currency;
    private int itemCount;
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
    private Status status = Status.QUEUED;
    private String detail = "";

    /** Where a row's ticket is; the words for it come from the view model's language. */
    enum Status {
        QUEUED,
        READING,
        DONE,
        DUPLICATE,
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
        totalValue = ticket.total();
        currency = ticket.currency();
        itemCount = ticket.items();
        arrival = ticket.importedAt().atZone(java.time.ZoneId.systemDefault()).toLocalDate();
        date.set(dateText);
        shop.set(ticket.shopName() == null ? "" : ticket.shopName());
        total.set(totalText);
        items.set(Integer.toString(itemCount));
        payment.set(ticket.paymentMethod() == null ? "" : ticket.paymentMethod());
        dateCell.set(new SortableText<>(dateText, sortDay()));
        totalCell.set(new SortableText<>(totalText, totalValue));
        itemsCell.set(new SortableText<>(items.get(), itemCount));
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

    /** The day the library orders the row by: its date, or the day it came in when it has none. */
    java.time.LocalDate sortDay() {
        return dateValue != null ? dateValue : arrival;
    }

    /** The categories of the ticket's lines (none before it is read). */
    java.util.Set<es.cesta.tickets.Category> categories() {
        return categories;
    }

    /** True when the search text appears in the shop, date, total or state (case-insensitive). */
    boolean matches(String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String needle = text.strip().toLowerCase(java.util.Locale.ROOT).replace(',', '.');
        return java.util.stream.Stream.of(
                        shop.get(),
                        date.get(),
                        total.get(),
                        totalValue == null ? "" : totalValue.toPlainString(),
                        dateValue == null ? "" : dateValue.toString(),
                        state.get(),
                        file.getFileName().toString())
                .anyMatch(value -> value != null
                        && value.toLowerCase(java.util.Locale.ROOT).contains(needle));
    }

    java.math.BigDecimal totalValue() {
        return totalValue;
    }

    void setStatus(Status newStatus, String newDetail, String text) {
        status = newStatus;
        detail = newDetail == null ? "" : newDetail;
        state.set(text);
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

    public ReadOnlyStringProperty itemsProperty() {
        return items.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty paymentProperty() {
        return payment.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }
}

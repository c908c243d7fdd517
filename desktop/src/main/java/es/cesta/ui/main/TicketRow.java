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

    void fill(
            String dateText,
            String shopText,
            String totalText,
            String itemsText,
            String paymentText,
            java.util.Set<es.cesta.tickets.Category> lineCategories) {
        categories = lineCategories;
        date.set(dateText);
        shop.set(shopText);
        total.set(totalText);
        items.set(itemsText);
        payment.set(paymentText);
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
                        state.get(),
                        file.getFileName().toString())
                .anyMatch(value -> value != null
                        && value.toLowerCase(java.util.Locale.ROOT).contains(needle));
    }

    java.math.BigDecimal totalValue() {
        return total.get().isEmpty() ? null : new java.math.BigDecimal(total.get());
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
        return date.get().isEmpty() ? null : java.time.LocalDate.parse(date.get());
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

package es.cesta.ui.main;

import es.cesta.tickets.Ticket;
import es.cesta.tickets.TicketStore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The selected ticket's editable fields; saving stores corrections apart from what was extracted. */
public final class TicketDetails {

    private final TicketStore store;
    private final Map<String, StringProperty> fields = new LinkedHashMap<>();
    private final Map<String, String> loaded = new LinkedHashMap<>();
    private final ReadOnlyBooleanWrapper selected = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private UUID ticketId;

    public TicketDetails(TicketStore store) {
        this.store = store;
        for (String field : TicketStore.CORRECTABLE) {
            fields.put(field, new SimpleStringProperty(""));
        }
    }

    public void show(Ticket ticket) {
        ticketId = ticket == null ? null : ticket.id();
        selected.set(ticket != null);
        loaded.clear();
        loaded.put("shop_name", ticket == null ? "" : text(ticket.shopName()));
        loaded.put("shop_tax_id", ticket == null ? "" : text(ticket.taxId()));
        loaded.put("purchase_date", ticket == null ? "" : text(ticket.date()));
        loaded.put("purchase_time", ticket == null ? "" : text(ticket.time()));
        loaded.put("total", ticket == null ? "" : ticket.total() == null ? "" : ticket.total().toPlainString());
        loaded.put("payment_method", ticket == null ? "" : text(ticket.paymentMethod()));
        loaded.forEach((field, value) -> fields.get(field).set(value));
        status.set(ticket != null && ticket.corrected() ? "Corrected by you" : "");
    }

    /** Saves the fields that changed; returns the ticket as it now reads, or empty when a value is invalid. */
    public Optional<Ticket> save() {
        if (ticketId == null) {
            return Optional.empty();
        }
        String problem = validate();
        if (problem != null) {
            status.set(problem);
            return Optional.empty();
        }
        fields.forEach((field, property) -> {
            if (!Objects.equals(property.get().strip(), loaded.get(field))) {
                store.correct(ticketId, field, property.get());
            }
        });
        Optional<Ticket> saved = store.find(ticketId);
        saved.ifPresent(this::show);
        return saved;
    }

    private String validate() {
        try {
            String date = fields.get("purchase_date").get().strip();
            if (!date.isEmpty()) {
                LocalDate.parse(date);
            }
            String time = fields.get("purchase_time").get().strip();
            if (!time.isEmpty()) {
                LocalTime.parse(time);
            }
        } catch (DateTimeParseException e) {
            return "Date as 2025-03-15 and time as 18:30, please.";
        }
        String total = fields.get("total").get().strip().replace(',', '.');
        if (!total.isEmpty()) {
            try {
                fields.get("total").set(new BigDecimal(total).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
            } catch (NumberFormatException e) {
                return "The total is a number such as 37.76.";
            }
        }
        return null;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    public StringProperty field(String name) {
        return fields.get(name);
    }

    public ReadOnlyBooleanProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}

package es.cesta.ui.main;

import es.cesta.client.PageBoxes;
import es.cesta.tickets.ImportState;
import es.cesta.tickets.LineColumn;
import es.cesta.tickets.SelfChecks;
import es.cesta.tickets.Ticket;
import es.cesta.tickets.TicketField;
import es.cesta.tickets.TicketStore;
import es.cesta.ui.BackgroundTasks;
import es.cesta.ui.BackgroundTasks.Lane;
import es.cesta.ui.LocalFormats;
import es.cesta.ui.Texts;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.scene.image.Image;

/**
 * The selected ticket under review: its editable fields, items and VAT lines, its page image, the
 * fields Cesta doubts (low confidence, missing, failed self-check) and the undo of saved corrections.
 * Reading and writing run on {@code background}; results come back through {@code ui}.
 */
public final class TicketDetails {

    /** Below this confidence a field is shown as doubtful. */
    static final double SURE = 0.8;

    // The field of the review, and the service's name for its confidence.
    private static final Map<String, String> CONFIDENCE_OF = Map.of(
            TicketField.SHOP_NAME.key(),
            "shop",
            TicketField.PURCHASE_DATE.key(),
            "date",
            TicketField.TOTAL.key(),
            "total");

    private final TicketStore store;
    private final BackgroundTasks tasks;
    private final Consumer<Runnable> ui;
    private final EditHistory history = new EditHistory();
    private final AtomicLong generation = new AtomicLong();
    private final Map<String, StringProperty> fields = new LinkedHashMap<>();
    private final Map<String, String> loaded = new LinkedHashMap<>();
    private final ObservableList<LineRow> items = FXCollections.observableArrayList();
    private final ObservableList<LineRow> taxes = FXCollections.observableArrayList();
    private final ObservableMap<String, String> doubts = FXCollections.observableHashMap();
    private final ReadOnlyBooleanWrapper selected = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper twin = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Image> page = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PageBoxes.Box> highlight = new ReadOnlyObjectWrapper<>();
    private FieldPlaces places = new FieldPlaces(PageBoxes.NONE);
    private final ReadOnlyStringWrapper pageProblem = new ReadOnlyStringWrapper("");
    private Texts texts;
    private UUID ticketId;

    public TicketDetails(TicketStore store, BackgroundTasks tasks, Texts texts) {
        this.store = store;
        this.tasks = tasks;
        this.ui = tasks.ui();
        this.texts = texts;
        for (String field : TicketStore.CORRECTABLE) {
            fields.put(field, new SimpleStringProperty(""));
        }
    }

    /** Everything the review shows of one ticket, read together off the FX thread. */
    private record Loaded(
            Ticket ticket,
            List<TicketStore.ItemRow> items,
            List<TicketStore.TaxRow> taxes,
            TicketStore.Reading reading,
            Map<String, String> corrections,
            Ticket twin) {}

    /** Shows a ticket (null clears the pane); its page image follows when rendered. */
    public void show(UUID id) {
        long mine = generation.incrementAndGet();
        if (id == null) {
            apply(null);
            return;
        }
        tasks.run(Lane.DISK, texts.get("task.show"), () -> {
            Loaded loaded = load(id);
            ui.accept(() -> {
                if (generation.get() == mine) {
                    apply(loaded);
                }
            });
            if (loaded == null) {
                return;
            }
            Image image = null;
            String problem = "";
            try {
                image = PageImage.of(loaded.ticket().storedFile());
            } catch (IOException | RuntimeException e) {
                problem = texts.get("review.noImage", e.getMessage());
            }
            Image shown = image;
            String said = problem;
            ui.accept(() -> {
                if (generation.get() == mine) {
                    page.set(shown);
                    pageProblem.set(said);
                }
            });
        });
    }

    private Loaded load(UUID id) {
        return store.find(id)
                .map(ticket -> new Loaded(
                        ticket,
                        store.items(id),
                        store.taxes(id),
                        store.reading(id),
                        store.corrections().of(id),
                        ticket.twinOf() == null
                                ? null
                                : store.find(ticket.twinOf()).orElse(null)))
                .orElse(null);
    }

    private void apply(Loaded data) {
        Ticket ticket = data == null ? null : data.ticket();
        ticketId = ticket == null ? null : ticket.id();
        selected.set(ticket != null);
        page.set(null);
        pageProblem.set("");
        loaded.clear();
        places = new FieldPlaces(data == null ? PageBoxes.NONE : data.reading().boxes());
        highlight.set(null);
        loaded.put(TicketField.SHOP_NAME.key(), ticket == null ? "" : text(ticket.shopName()));
        loaded.put(TicketField.SHOP_TAX_ID.key(), ticket == null ? "" : text(ticket.taxId()));
        LocalFormats formats = texts.formats();
        loaded.put(TicketField.PURCHASE_DATE.key(), ticket == null ? "" : formats.date(ticket.date()));
        loaded.put(TicketField.PURCHASE_TIME.key(), ticket == null ? "" : text(ticket.time()));
        loaded.put(TicketField.TOTAL.key(), ticket == null ? "" : formats.amount(ticket.total()));
        // In the person's words ("tarjeta"), as the table shows it; stored again as the method's key.
        loaded.put(
                TicketField.PAYMENT_METHOD.key(),
                ticket == null ? "" : text(PaymentWords.shown(texts, ticket.paymentMethod())));
        loaded.forEach((field, value) -> fields.get(field).set(value));
        items.setAll(
                data == null
                        ? List.of()
                        : data.items().stream()
                                .map(item -> itemLine(item, formats))
                                .toList());
        taxes.setAll(
                data == null
                        ? List.of()
                        : data.taxes().stream()
                                .map(tax -> taxLine(tax, formats))
                                .toList());
        doubts.clear();
        boolean read = ticket != null && ticket.state() == ImportState.DONE;
        if (read) { // a ticket still waiting has nothing missing yet: nothing was read
            doubts.putAll(doubtsOf(data));
        }
        notes.set(
                read && !data.reading().warnings().isEmpty()
                        ? texts.get(
                                "review.notes", String.join("\n", data.reading().warnings()))
                        : "");
        Ticket other = data == null ? null : data.twin();
        twin.set(
                other == null
                        ? ""
                        : texts.get(
                                "review.twin",
                                text(other.shopName()),
                                formats.date(other.date()),
                                formats.money(other.total(), other.currency()),
                                other.fileName()));
        if (ticket != null && !read && ticket.state() != ImportState.FAILED) {
            status.set(texts.get("review.notReadYet"));
        } else {
            status.set(ticket != null && ticket.corrected() ? texts.get("review.corrected") : "");
        }
    }

    private static LineRow itemLine(TicketStore.ItemRow item, LocalFormats formats) {
        Map<LineColumn, String> values = new EnumMap<>(LineColumn.class);
        values.put(LineColumn.DESCRIPTION, item.description());
        values.put(LineColumn.QUANTITY, formats.number(item.quantity()));
        values.put(LineColumn.UNIT_PRICE, formats.number(item.unitPrice()));
        values.put(LineColumn.AMOUNT, formats.number(item.amount()));
        values.put(LineColumn.CATEGORY, item.category());
        // The model's confidence; none for the person's own choice, which is never doubted.
        return new LineRow(
                item::field,
                "discount".equals(item.kind()),
                item.position(),
                values,
                item.categoryConfidence(),
                item.removalField());
    }

    private static LineRow taxLine(TicketStore.TaxRow tax, LocalFormats formats) {
        Map<LineColumn, String> values = new EnumMap<>(LineColumn.class);
        values.put(LineColumn.RATE, formats.number(tax.rate()));
        values.put(LineColumn.BASE, formats.number(tax.base()));
        values.put(LineColumn.AMOUNT, formats.number(tax.amount()));
        return new LineRow(tax::field, false, tax.position(), values, null, null);
    }

    /** Field (or "items", "taxes") to the reason Cesta doubts it; a corrected field is never doubted. */
    private Map<String, String> doubtsOf(Loaded data) {
        Map<String, String> found = new HashMap<>();
        CONFIDENCE_OF.forEach((field, key) -> {
            if (data.corrections().containsKey(field)) {
                return;
            }
            Double confidence = data.reading().confidence().get(key);
            if (loaded.get(field).isEmpty()) {
                found.put(field, texts.get("review.missing"));
            } else if (confidence != null && confidence < SURE) {
                found.put(field, texts.get("review.unsure", Math.round(confidence * 100)));
            }
        });
        Map<String, Boolean> checks = SelfChecks.after(
                data.reading().checks(),
                data.corrections().keySet(),
                data.ticket().total(),
                data.items().stream().map(TicketStore.ItemRow::amount).toList(),
                data.taxes());
        if (Boolean.FALSE.equals(checks.get(SelfChecks.ITEMS))) {
            String reason = texts.get(
                    "review.itemsDisagree",
                    sum(data.items().stream().map(TicketStore.ItemRow::amount).toList()),
                    loaded.get(TicketField.TOTAL.key()));
            found.put("items", reason);
            found.putIfAbsent(TicketField.TOTAL.key(), reason);
        }
        if (Boolean.FALSE.equals(checks.get(SelfChecks.TAXES))) {
            String reason = texts.get("review.taxesDisagree", loaded.get(TicketField.TOTAL.key()));
            found.put("taxes", reason);
            found.putIfAbsent(TicketField.TOTAL.key(), reason);
        }
        return found;
    }

    private String sum(List<String> amounts) {
        return texts.formats()
                .amount(amounts.stream()
                        .filter(Objects::nonNull)
                        .map(BigDecimal::new)
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** Saves the fields that changed, as one undoable edit; {@code saved} gets the ticket as it now reads. */
    public void save(Consumer<Ticket> saved) {
        if (ticketId == null) {
            return;
        }
        String problem = validate();
        if (problem != null) {
            status.set(problem);
            return;
        }
        Map<String, String> changed = new LinkedHashMap<>();
        fields.forEach((field, property) -> {
            if (!Objects.equals(property.get().strip(), loaded.get(field))) {
                changed.put(field, stored(field, property.get()));
            }
        });
        write(ticketId, changed, saved);
    }

    /** Saves one edited cell of the items or VAT table at once, as one undoable edit. */
    public void editLine(LineRow line, LineColumn column, String value, Consumer<Ticket> saved) {
        if (ticketId == null
                || Objects.equals(value.strip(), line.column(column).get())) {
            return;
        }
        String clean = value.strip();
        if (column.numeric() && !clean.isEmpty()) {
            try {
                clean = texts.formats().parseNumber(clean).toPlainString();
            } catch (NumberFormatException e) {
                status.set(texts.get("review.notANumber", value));
                return; // nothing stored: the view redraws the cell with the stored value
            }
        }
        write(ticketId, Map.of(line.field(column), clean), saved);
    }

    /**
     * Adds an empty line of the person's own to the items, for a product the service missed; its
     * cells are then edited like any line's. Undo takes it off again.
     */
    public void addLine(Consumer<Ticket> saved) {
        UUID id = ticketId;
        if (id == null) {
            return;
        }
        tasks.run(Lane.DISK, texts.get("task.save"), () -> {
            String removal = store.addLine(id);
            history.record(new EditHistory.Edit(id, Map.of(removal, "yes"))); // before it, there was no line
            finish(id, saved, texts.get("review.lineAdded"));
        });
    }

    /** Takes an item line off the ticket (a misread or doubled line), as one undoable edit. */
    public void removeLine(LineRow line, Consumer<Ticket> saved) {
        if (ticketId == null || line == null || line.removalField() == null) {
            return;
        }
        write(ticketId, Map.of(line.removalField(), "yes"), saved);
    }

    private void write(UUID id, Map<String, String> changes, Consumer<Ticket> saved) {
        if (changes.isEmpty()) {
            status.set(texts.get("review.nothingChanged"));
            return;
        }
        tasks.run(Lane.DISK, texts.get("task.save"), () -> {
            Map<String, String> corrections = store.corrections().of(id);
            Map<String, String> before = new HashMap<>();
            changes.forEach((field, value) -> {
                before.put(field, corrections.get(field));
                store.corrections().save(id, field, value);
            });
            history.record(new EditHistory.Edit(id, before));
            finish(id, saved, texts.get("review.saved"));
        });
    }

    /** Puts back what the last saved edit changed (on whichever ticket it was). */
    public void undo(Consumer<Ticket> undone) {
        tasks.run(
                Lane.DISK,
                texts.get("task.undo"),
                () -> history.takeLast().ifPresent(edit -> {
                    edit.before().forEach((field, value) -> store.corrections().save(edit.ticketId(), field, value));
                    finish(edit.ticketId(), undone, texts.get("review.undone"));
                }));
    }

    private void finish(UUID id, Consumer<Ticket> done, String said) {
        Loaded reloaded = load(id);
        ui.accept(() -> {
            canUndo.set(!history.isEmpty());
            if (reloaded == null) {
                return;
            }
            if (Objects.equals(ticketId, id)) {
                generation.incrementAndGet();
                Image image = page.get();
                PageBoxes.Box shown = highlight.get();
                apply(reloaded);
                page.set(image); // same file, same picture
                highlight.set(shown);
                status.set(said);
            }
            done.accept(reloaded.ticket());
        });
    }

    private String validate() {
        try {
            texts.formats()
                    .parseDate(fields.get(TicketField.PURCHASE_DATE.key()).get());
            String time = fields.get(TicketField.PURCHASE_TIME.key()).get().strip();
            if (!time.isEmpty()) {
                LocalTime.parse(time);
            }
        } catch (DateTimeParseException e) {
            return texts.get("review.badDate");
        }
        try {
            texts.formats().parseNumber(fields.get(TicketField.TOTAL.key()).get());
        } catch (NumberFormatException e) {
            return texts.get("review.badTotal");
        }
        return null;
    }

    /**
     * A validated field as the library keeps it: an ISO date, a total with two decimals and a
     * decimal point, the payment method's key, whatever form the person typed it in.
     */
    private String stored(String field, String typed) {
        if (field.equals(TicketField.PURCHASE_DATE.key())) {
            LocalDate date = texts.formats().parseDate(typed);
            return date == null ? "" : date.toString();
        }
        if (field.equals(TicketField.TOTAL.key())) {
            BigDecimal total = texts.formats().parseNumber(typed);
            return total == null ? "" : total.setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
        if (field.equals(TicketField.PAYMENT_METHOD.key())) {
            return PaymentWords.stored(texts, typed);
        }
        return typed;
    }

    void useTexts(Texts newTexts) {
        texts = newTexts;
        if (ticketId != null) {
            show(ticketId);
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    public StringProperty field(String name) {
        return fields.get(name);
    }

    public ObservableList<LineRow> items() {
        return items;
    }

    public ObservableList<LineRow> taxes() {
        return taxes;
    }

    /** Doubtful fields ("shop_name", "purchase_date", "total", "items", "taxes"...) with the reason. */
    public ObservableMap<String, String> doubts() {
        return doubts;
    }

    /** Highlights on the page where a field (a TicketField key) was read; nothing when unknown. */
    public void showWhereField(String fieldKey) {
        highlight.set(places.ofField(fieldKey).orElse(null));
    }

    /** Highlights where an item or discount line was read. */
    public void showWhereLine(LineRow line) {
        highlight.set(line == null ? null : places.ofLine(line).orElse(null));
    }

    /** Highlights where a VAT row was read. */
    public void showWhereTax(LineRow tax) {
        highlight.set(tax == null ? null : places.ofTax(tax).orElse(null));
    }

    /** The box on the first page to highlight: where the field in focus was read; null for none. */
    public ReadOnlyObjectProperty<PageBoxes.Box> highlightProperty() {
        return highlight.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Image> pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pageProblemProperty() {
        return pageProblem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    /** What the service noted about its reading (a sum that does not add up, a field it could not find). */
    public ReadOnlyStringProperty notesProperty() {
        return notes.getReadOnlyProperty();
    }

    /** What the ticket probably repeats ("" when it is a purchase of its own). */
    public ReadOnlyStringProperty twinProperty() {
        return twin.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    UUID ticketId() {
        return ticketId;
    }
}

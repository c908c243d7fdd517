package es.cesta.ui.shopping;

import es.cesta.client.NextBasket;
import es.cesta.tickets.BasketHistory;
import es.cesta.tickets.Category;
import es.cesta.tickets.SpendingQueries;
import es.cesta.ui.BackgroundTasks;
import es.cesta.ui.BackgroundTasks.Lane;
import es.cesta.ui.Texts;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Shopping list tab: what the service's model expects on the next trip, from the library as
 * corrected, plus the person's own lines; lines are ticked off, and the list is copied or printed.
 *
 * <p>Invariants: it asks only once the service is ready, one request at a time, and a change while
 * one is out is asked again once it ends (as the next-shop card); a new answer keeps the person's
 * own lines and every tick of a product still listed; the entries are in category order (the
 * category's name in the chosen language, "other" last), likeliest first within a category.
 */
public final class ShoppingListViewModel {

    private final BackgroundTasks tasks;
    private final Function<NextBasket.Request, NextBasket.Response> listMaker;
    private final Supplier<List<SpendingQueries.BoughtLine>> library;
    private final ObservableList<ListEntry> entries = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final AtomicBoolean serviceReady = new AtomicBoolean();
    private final AtomicBoolean pending = new AtomicBoolean();
    private Texts texts;

    public ShoppingListViewModel(
            BackgroundTasks tasks,
            Function<NextBasket.Request, NextBasket.Response> listMaker,
            Supplier<List<SpendingQueries.BoughtLine>> library,
            Texts texts) {
        this.tasks = tasks;
        this.listMaker = listMaker;
        this.library = library;
        this.texts = texts;
        status.set(texts.get("list.waiting"));
    }

    public void serviceReady(boolean ready) {
        if (serviceReady.getAndSet(ready) != ready && ready) {
            refresh();
        }
    }

    /** Asks again with the library as it is now (a new ticket, a correction). */
    public void refresh() {
        if (!serviceReady.get() || !pending.compareAndSet(false, true)) {
            return;
        }
        tasks.run(Lane.SERVICE, texts.get("task.list"), () -> {
            pending.set(false);
            try {
                List<SpendingQueries.BoughtLine> lines = library.get();
                NextBasket.Response answer = listMaker.apply(BasketHistory.askingAt(
                        LocalDateTime.now(ZoneId.systemDefault()), lines, BasketHistory.DEFAULT_LENGTH));
                java.time.LocalDate newest =
                        lines.isEmpty() ? null : lines.get(lines.size() - 1).date();
                tasks.ui().accept(() -> show(answer, newest));
            } catch (RuntimeException e) {
                tasks.ui().accept(() -> status.set(texts.get("list.unavailable", e.getMessage())));
            }
        });
    }

    private void show(NextBasket.Response answer, java.time.LocalDate newest) {
        Set<String> ticked = entries.stream()
                .filter(e -> e.tickedProperty().get())
                .map(ListEntry::description)
                .collect(Collectors.toSet());
        List<ListEntry> next =
                new ArrayList<>(answer.items().stream().map(ListEntry::due).toList());
        entries.stream().filter(ListEntry::own).forEach(next::add);
        next.forEach(e -> e.tickedProperty().set(ticked.contains(e.description())));
        next.sort(Comparator.comparing((ListEntry e) -> categoryOrder(e.category()))
                .thenComparing(e -> e.own() ? 1 : 0)
                .thenComparing(e -> e.own() ? 0 : -e.due().probability()));
        entries.setAll(next);
        boolean archive = answer.warnings() != null && !answer.warnings().isEmpty() && newest != null;
        status.set(
                answer.items().isEmpty()
                        ? texts.get("list.empty")
                        : archive ? texts.get("list.archive", texts.formats().date(newest)) : "");
    }

    /** Adds a line of the person's own (blank text adds nothing). */
    public void add(String description) {
        String text = description == null ? "" : description.strip();
        if (text.isEmpty() || entries.stream().anyMatch(e -> e.description().equalsIgnoreCase(text))) {
            return;
        }
        entries.add(ListEntry.own(text));
    }

    /** Takes the ticked lines off the list (the person's own for good; the model's until asked again). */
    public void clearTicked() {
        entries.removeIf(e -> e.tickedProperty().get());
    }

    /** The lines still to buy, by category, as plain text for the clipboard or the printer. */
    public String asText() {
        Map<String, List<ListEntry>> byCategory = new LinkedHashMap<>();
        entries.stream()
                .filter(e -> !e.tickedProperty().get())
                .forEach(e -> byCategory
                        .computeIfAbsent(categoryName(e.category()), c -> new ArrayList<>())
                        .add(e));
        StringBuilder text = new StringBuilder(
                texts.get("list.header", texts.formats().date(java.time.LocalDate.now(ZoneId.systemDefault()))));
        byCategory.forEach((category, lines) -> {
            text.append("\n\n").append(category);
            lines.forEach(line -> text.append("\n- ").append(line.description()));
        });
        return text.append('\n').toString();
    }

    /** The category's name in the chosen language ("other" for none or an unknown one). */
    public String categoryName(String key) {
        return Category.of(key).map(c -> texts.get(c.textKey())).orElse(texts.get("list.noCategory"));
    }

    private String categoryOrder(String key) {
        return Category.of(key).isPresent() ? "0" + categoryName(key) : "1";
    }

    public void useTexts(Texts newTexts) {
        texts = newTexts;
        entries.setAll(new ArrayList<>(entries)); // re-sorted views re-read the category names
    }

    public Texts texts() {
        return texts;
    }

    public ObservableList<ListEntry> entries() {
        return entries;
    }

    /** Why the list is empty or cannot be made; "" when it shows products. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}

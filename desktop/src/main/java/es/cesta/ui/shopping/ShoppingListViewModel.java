package es.cesta.ui.shopping;

import es.cesta.client.NextBasket;
import es.cesta.tickets.BasketHistory;
import es.cesta.tickets.Category;
import es.cesta.tickets.ShoppingListNotes;
import es.cesta.tickets.SpendingQueries;
import es.cesta.ui.BackgroundTasks;
import es.cesta.ui.ServiceAsk;
import es.cesta.ui.Texts;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * <p>Invariants: it asks as every {@link ServiceAsk} does (once the service is ready, one request at
 * a time, the latest library winning); a new answer keeps the person's
 * own lines and every tick of a product still listed; the entries are in category order (the
 * category's name in the chosen language, "other" last), likeliest first within a category; the
 * person's own lines and ticks outlive the window ({@link ShoppingListNotes}), and nothing is kept
 * before what was kept has been read back (an empty list must not overwrite it).
 */
public final class ShoppingListViewModel {

    private final ServiceAsk<Made> ask;
    private final Function<NextBasket.Request, NextBasket.Response> listMaker;
    private final Supplier<List<SpendingQueries.BoughtLine>> library;
    private final ObservableList<ListEntry> entries = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private Function<Texts, String> statusWording = t -> "";
    private final BackgroundTasks tasks;
    private final ShoppingListNotes notes;
    private Texts texts;
    // The day of the newest ticket the shown list was made from (null: none yet).
    private LocalDate newest;
    // Ticks of the model's lines read back before the model answered: description -> day kept with.
    private final Map<String, LocalDate> keptTicks = new HashMap<>();
    private boolean restored;

    public ShoppingListViewModel(
            BackgroundTasks tasks,
            Function<NextBasket.Request, NextBasket.Response> listMaker,
            Supplier<List<SpendingQueries.BoughtLine>> library,
            ShoppingListNotes notes,
            Texts texts) {
        this.tasks = tasks;
        this.listMaker = listMaker;
        this.library = library;
        this.notes = notes;
        this.texts = texts;
        this.ask = new ServiceAsk<>(
                tasks,
                () -> this.texts.get("task.list"),
                this::make,
                this::show,
                said -> say(t -> t.get("list.unavailable", said)));
        say(t -> t.get("list.waiting"));
        tasks.run(BackgroundTasks.Lane.DISK, texts.get("task.list"), () -> {
            List<ShoppingListNotes.Note> kept = notes.load();
            tasks.ui().accept(() -> restore(kept));
        });
    }

    /** What the person left on the list: their own lines at once, the model's ticks on its next answer. */
    private void restore(List<ShoppingListNotes.Note> kept) {
        for (ShoppingListNotes.Note note : kept) {
            if (note.own() && entries.stream().noneMatch(e -> e.description().equalsIgnoreCase(note.description()))) {
                ListEntry own = ListEntry.own(note.description());
                own.tickedProperty().set(note.ticked());
                followTick(own);
                entries.add(own);
            } else if (!note.own() && note.ticked()) {
                keptTicks.put(note.description(), note.asOf());
            }
        }
        boolean ticksRestored = false;
        if (newest != null) { // the model answered first
            Set<String> ticked = takeKeptTicks();
            List<ListEntry> listed = entries.stream()
                    .filter(e -> !e.own() && ticked.contains(e.description()))
                    .toList();
            listed.forEach(e -> e.tickedProperty().set(true));
            ticksRestored = !listed.isEmpty();
        }
        entries.setAll(inCategoryOrder(new ArrayList<>(entries)));
        restored = true;
        if (ticksRestored) {
            keep(); // once for all the ticks set above, not a write each
        }
    }

    /** The model's lines ticked in an earlier window on this same library; each is given once. */
    private Set<String> takeKeptTicks() {
        Set<String> ticked = keptTicks.entrySet().stream()
                .filter(kept -> newest != null && newest.equals(kept.getValue()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        keptTicks.clear();
        return ticked;
    }

    private void followTick(ListEntry entry) {
        entry.tickedProperty().addListener((property, before, ticked) -> keep());
    }

    /** Keeps the person's own lines and every ticked line, on the disk lane. */
    private void keep() {
        if (!restored) {
            return;
        }
        LocalDate asOf = newest;
        List<ShoppingListNotes.Note> now = entries.stream()
                .filter(e -> e.own() || e.tickedProperty().get())
                .map(e -> new ShoppingListNotes.Note(
                        e.description(), e.own(), e.tickedProperty().get(), asOf))
                .toList();
        tasks.run(BackgroundTasks.Lane.DISK, texts.get("task.listKept"), () -> notes.save(now));
    }

    public void serviceReady(boolean ready) {
        ask.serviceReady(ready);
    }

    /** Asks again with the library as it is now (a new ticket, a correction). */
    public void refresh() {
        ask.refresh();
    }

    /** The list for the library as it is now, and the day of its newest ticket (null for none). */
    private record Made(NextBasket.Response answer, LocalDate newest) {}

    private Made make() {
        List<SpendingQueries.BoughtLine> lines = library.get();
        NextBasket.Response answer = listMaker.apply(
                BasketHistory.askingAt(LocalDateTime.now(ZoneId.systemDefault()), lines, BasketHistory.DEFAULT_LENGTH));
        return new Made(
                answer, lines.isEmpty() ? null : lines.get(lines.size() - 1).date());
    }

    private void show(Made made) {
        NextBasket.Response answer = made.answer();
        newest = made.newest();
        Set<String> ticked = entries.stream()
                .filter(e -> e.tickedProperty().get())
                .map(ListEntry::description)
                .collect(Collectors.toSet());
        ticked.addAll(takeKeptTicks());
        List<ListEntry> next =
                new ArrayList<>(answer.items().stream().map(ListEntry::due).toList());
        List<ListEntry> own = entries.stream().filter(ListEntry::own).toList();
        next.forEach(e -> {
            e.tickedProperty().set(ticked.contains(e.description()));
            followTick(e);
        });
        next.addAll(own);
        entries.setAll(inCategoryOrder(next));
        keep();
        boolean archive = answer.warnings() != null && !answer.warnings().isEmpty() && newest != null;
        LocalDate asOf = newest;
        say(t -> answer.items().isEmpty()
                ? t.get("list.empty")
                : archive ? t.get("list.archive", t.formats().date(asOf)) : "");
    }

    /** Shows the status in the chosen language, and again in the next one chosen. */
    private void say(Function<Texts, String> wording) {
        statusWording = wording;
        status.set(wording.apply(texts));
    }

    /** Adds a line of the person's own (blank text adds nothing). */
    public void add(String description) {
        String text = description == null ? "" : description.strip();
        if (text.isEmpty() || entries.stream().anyMatch(e -> e.description().equalsIgnoreCase(text))) {
            return;
        }
        ListEntry own = ListEntry.own(text);
        followTick(own);
        entries.add(own);
        keep();
    }

    /** Takes the ticked lines off the list (the person's own for good; the model's until asked again). */
    public void clearTicked() {
        entries.removeIf(e -> e.tickedProperty().get());
        keep();
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
                texts.get("list.header", texts.formats().date(LocalDate.now(ZoneId.systemDefault()))));
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
        entries.setAll(inCategoryOrder(new ArrayList<>(entries))); // the categories' names sort otherwise
        say(statusWording);
    }

    private List<ListEntry> inCategoryOrder(List<ListEntry> list) {
        list.sort(Comparator.comparing((ListEntry e) -> categoryOrder(e.category()))
                .thenComparing(e -> e.own() ? 1 : 0)
                .thenComparing(e -> e.own() ? 0 : -e.due().probability()));
        return list;
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

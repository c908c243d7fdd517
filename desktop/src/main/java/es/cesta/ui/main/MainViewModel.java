package es.cesta.ui.main;

import es.cesta.client.NextBasket;
import es.cesta.client.NextShop;
import es.cesta.service.ServiceState;
import es.cesta.tickets.Category;
import es.cesta.tickets.CategoryMemory;
import es.cesta.tickets.CsvDialect;
import es.cesta.tickets.CsvExport;
import es.cesta.tickets.Currencies;
import es.cesta.tickets.ImportQueue;
import es.cesta.tickets.ImportState;
import es.cesta.tickets.LineColumn;
import es.cesta.tickets.ShoppingListNotes;
import es.cesta.tickets.Ticket;
import es.cesta.tickets.TicketStore;
import es.cesta.ui.BackgroundTasks;
import es.cesta.ui.BackgroundTasks.Lane;
import es.cesta.ui.Texts;
import es.cesta.ui.shopping.ShoppingListViewModel;
import es.cesta.ui.spending.SpendingViewModel;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * State of the main window, without a single Node: the rows of the library and what filters them,
 * the service status and the last message; the import progress ({@link ImportProgress}), the
 * next-shop card ({@link NextShopCard}), the review ({@link TicketDetails}) and the spending charts
 * are parts of their own. Work runs on
 * {@code background}; results come back through {@code ui} (Platform::runLater in the app,
 * Runnable::run in tests). Every sentence comes from {@link Texts}, so a language switch re-renders.
 */
public final class MainViewModel {

    private final TicketStore store;
    private final ImportQueue queue;
    private final BackgroundTasks tasks;
    private final Consumer<Runnable> ui;
    private final Consumer<ImportQueue.Event> importListener;
    // A row read or corrected tells the list, so a table sorted by date, shop or total re-sorts it.
    private final ObservableList<TicketRow> rows =
            FXCollections.observableArrayList(row -> new Observable[] {row.changes()});
    private final FilteredList<TicketRow> shown = new FilteredList<>(rows, row -> true);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObjectProperty<String> shop = new SimpleObjectProperty<>();
    private final ObjectProperty<Category> category = new SimpleObjectProperty<>();
    private final ObservableList<String> shops = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper shownSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper serviceStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper serviceFailed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final TicketDetails details;
    private final SpendingViewModel spending;
    private final CategoryChoice categoryChoice;
    private final NextShopCard nextShop;
    private final ShoppingListViewModel shoppingList;
    private final ImportProgress progress = new ImportProgress();
    private Texts texts;
    private ServiceState serviceState = ServiceState.STARTING;
    private int serviceWorkers;
    private String serviceError;

    public MainViewModel(
            TicketStore store,
            ImportQueue queue,
            BackgroundTasks tasks,
            Function<NextShop.Request, NextShop.Response> predictor,
            Function<NextBasket.Request, NextBasket.Response> listMaker,
            Texts texts) {
        this.store = store;
        this.queue = queue;
        this.tasks = tasks;
        this.ui = tasks.ui();
        this.texts = texts;
        this.details = new TicketDetails(store, tasks, texts);
        this.spending = new SpendingViewModel(store, tasks, texts);
        this.categoryChoice = new CategoryChoice(new CategoryMemory(store), tasks, texts);
        this.nextShop = new NextShopCard(tasks, predictor, store::all, texts);
        this.shoppingList = new ShoppingListViewModel(
                tasks, listMaker, () -> store.spending().boughtLines(), new ShoppingListNotes(store), texts);
        // Whatever background work fails, the person reads why in the message line.
        tasks.onFailure(sentence -> message.set(this.texts.get("task.failed", sentence)));
        // Called on the import worker: the finished ticket is read there, never on the FX thread.
        this.importListener = event -> {
            Ticket read = event.state() == ImportState.DONE
                    ? store.find(event.ticketId()).orElse(null)
                    : null;
            arrivals.add(new Arrival(event, read));
            if (drainScheduled.compareAndSet(false, true)) {
                ui.accept(this::drainArrivals);
            }
        };
        queue.addListener(importListener);
        for (Observable filter : List.<Observable>of(search, from, to, shop, category)) {
            filter.addListener(changed -> shown.setPredicate(
                    new LibraryFilter(search.get(), from.get(), to.get(), shop.get(), category.get())));
        }
        shown.addListener((ListChangeListener<TicketRow>) change -> summarise());
        rows.addListener((ListChangeListener<TicketRow>) change -> summarise());
        serviceStatus.set(ServiceStatus.describe(texts, serviceState, 0, null));
    }

    /** Stops listening to the import queue (the window is closing). */
    public void dispose() {
        queue.removeListener(importListener);
    }

    /** "12 tickets, 345,67 € in all" for what the filters leave on screen; never two currencies added up. */
    private void summarise() {
        String main = Currencies.main(rows.stream().map(TicketRow::currency).toList());
        Map<String, BigDecimal> sums = Currencies.sums(shown, TicketRow::totalValue, TicketRow::currency, main);
        String money = sums.isEmpty()
                ? texts.formats().money(BigDecimal.ZERO, main)
                : sums.entrySet().stream()
                        .map(e -> texts.formats().money(e.getValue(), e.getKey()))
                        .collect(java.util.stream.Collectors.joining(" + "));
        shownSummary.set(texts.get("library.summary", shown.size(), money));
    }

    public void load() {
        tasks.run(Lane.DISK, texts.get("task.load"), () -> {
            List<Ticket> all = store.all();
            ui.accept(() -> {
                rows.setAll(all.stream().map(this::rowOf).toList());
                refreshShops();
            });
        });
        libraryChanged();
    }

    /** The library changed: the next-shop card and the spending charts follow (both coalesce bursts). */
    private void libraryChanged() {
        nextShop.refresh();
        shoppingList.refresh();
        spending.refresh();
    }

    private void refreshShops() {
        TreeSet<String> names = new TreeSet<>();
        rows.forEach(row -> {
            if (!row.shopProperty().get().isEmpty()) {
                names.add(row.shopProperty().get());
            }
        });
        if (!names.equals(new TreeSet<>(shops))) {
            shops.setAll(names);
        }
    }

    /** Files and folders dropped or chosen: registered and imported in the background. */
    public void importFiles(List<Path> paths) {
        if (paths.isEmpty()) {
            return;
        }
        message.set("");
        tasks.run(Lane.DISK, texts.get("task.import"), () -> queue.submit(paths));
    }

    /** New tickets the watched folder picked up: imported, and the status line says so. */
    public void importPickedUp(Path folder, List<Path> files) {
        ui.accept(() -> message.set(texts.get("watch.pickedUp", files.size(), folder)));
        tasks.run(Lane.DISK, texts.get("task.import"), () -> queue.submit(files));
    }

    /** Cancels the files still waiting; they stay in the library as failed, with Retry. */
    public void cancelImport() {
        tasks.run(Lane.DISK, texts.get("task.cancel"), () -> {
            int cancelled = queue.cancelWaiting();
            ui.accept(() -> message.set(texts.get("import.cancelled", cancelled)));
        });
    }

    public void select(TicketRow row) {
        details.show(row == null ? null : row.ticketId());
    }

    /** Saves the corrections of the ticket under review and shows them in its row. */
    public void saveDetails() {
        details.save(this::corrected);
    }

    /** Saves one edited cell of the items or VAT table. */
    public void editLine(LineRow line, LineColumn column, String value) {
        details.editLine(line, column, value, this::corrected);
    }

    /** Adds an empty line of the person's own to the ticket under review. */
    public void addLine() {
        details.addLine(this::corrected);
    }

    /** Takes an item line off the ticket under review. */
    public void removeLine(LineRow line) {
        details.removeLine(line, this::corrected);
    }

    /** Undoes the last saved correction, whichever ticket it was on. */
    public void undo() {
        details.undo(this::corrected);
    }

    /** The person gives an item line a category: saved as a correction, then the offer for lines like it. */
    public void chooseCategory(LineRow line, Category category) {
        if (line.discount() || category == null || details.ticketId() == null) {
            return;
        }
        UUID ticket = details.ticketId();
        details.editLine(line, LineColumn.CATEGORY, category.key(), this::corrected);
        categoryChoice.chosen(ticket, line, category);
    }

    /** Gives the offered category to the library's other lines like the one just corrected. */
    public void acceptCategoryOffer() {
        categoryChoice.accept(changed -> {
            message.set(texts.get("review.categoryApplied", changed));
            refreshEverything();
        });
    }

    public CategoryChoice categoryChoice() {
        return categoryChoice;
    }

    private void corrected(Ticket ticket) {
        // A shop renamed names the shop's other tickets too: every row is filled again, in place.
        // No re-filtering here: it would drop the table's selection under the person's eyes.
        refreshEverything();
    }

    /**
     * More than one row may have changed (a shop renamed, categories given to other lines or
     * filled in by the service): every row, the charts and the next-shop card follow.
     */
    public void refreshEverything() {
        refill();
        libraryChanged();
    }

    /** Fills every row again from the library, keeping the rows (and so the selection). */
    private void refill() {
        tasks.run(Lane.DISK, texts.get("task.load"), () -> {
            Map<UUID, Ticket> byId = new HashMap<>();
            store.all().forEach(t -> byId.put(t.id(), t));
            ui.accept(() -> {
                rows.forEach(row -> {
                    Ticket stored = row.ticketId() == null ? null : byId.get(row.ticketId());
                    if (stored != null) {
                        fill(row, stored);
                    }
                });
                summarise();
                refreshShops();
            });
        });
    }

    /** Deletes the ticket of a row (after the view asked for confirmation). */
    public void delete(TicketRow row) {
        if (row.ticketId() == null) {
            rows.remove(row);
            return;
        }
        tasks.run(Lane.DISK, texts.get("task.delete"), () -> {
            store.delete(row.ticketId());
            ui.accept(() -> {
                rows.remove(row);
                if (row.ticketId().equals(details.ticketId())) {
                    details.show(null);
                }
                refreshShops();
                libraryChanged();
            });
        });
    }

    /** The shown tickets to {@code file} and their items beside it ({@code name-items.csv}). */
    public void export(Path file) {
        List<UUID> ids =
                shown.stream().map(TicketRow::ticketId).filter(Objects::nonNull).toList();
        tasks.run(Lane.DISK, texts.get("task.export"), () -> {
            List<Ticket> tickets =
                    ids.stream().map(store::find).flatMap(Optional::stream).toList();
            try {
                Path itemsFile = CsvExport.write(tickets, store, file, CsvDialect.of(texts.language()));
                ui.accept(() -> message.set(
                        texts.get("export.done", tickets.size(), file.getFileName(), itemsFile.getFileName())));
            } catch (IOException e) {
                ui.accept(() -> message.set(texts.get("export.failed", file, e.getMessage())));
            }
        });
    }

    /** Reads the row's ticket again: Retry for a failed import, Read again for one read wrongly. */
    public void readAgain(TicketRow row) {
        if (row != null && row.ticketId() != null) {
            // The queue tells how the new reading ends through its events, as for any import.
            tasks.run(Lane.DISK, texts.get("task.retry"), () -> {
                CompletableFuture<ImportQueue.Event> unused = queue.readAgain(row.ticketId());
            });
        }
    }

    public void serviceChanged(ServiceState state, int workers, String lastError) {
        ui.accept(() -> {
            serviceState = state;
            serviceWorkers = workers;
            serviceError = lastError;
            serviceStatus.set(ServiceStatus.describe(texts, state, workers, lastError));
            serviceFailed.set(state == ServiceState.FAILED);
        });
        nextShop.serviceReady(state == ServiceState.READY);
        shoppingList.serviceReady(state == ServiceState.READY);
    }

    /** Switches every sentence the view model makes to another language. */
    public void useTexts(Texts newTexts) {
        texts = newTexts;
        rows.forEach(row -> row.setStatus(row.status(), row.detail(), stateText(row.status(), row.detail())));
        serviceStatus.set(ServiceStatus.describe(texts, serviceState, serviceWorkers, serviceError));
        nextShop.useTexts(newTexts);
        shoppingList.useTexts(newTexts);
        progress.render(texts);
        summarise();
        refill(); // dates and amounts as the new language writes them
        message.set("");
        details.useTexts(newTexts);
        categoryChoice.useTexts(newTexts);
        spending.useTexts(newTexts);
    }

    public Texts texts() {
        return texts;
    }

    /** A sentence for the person in the window's message line (a failure of something they asked for). */
    public void report(String sentence) {
        ui.accept(() -> message.set(sentence));
    }

    /** An import event and, when it says done, the ticket as stored (read on the import thread). */
    private record Arrival(ImportQueue.Event event, Ticket read) {}

    /**
     * Applies every import event that arrived since the last drain in one go: one change of the
     * row list and one re-wording of the totals, however many files were dropped at once (a drop
     * of 100 files is 100 events within milliseconds; one FX task each would freeze the window).
     */
    private void drainArrivals() {
        drainScheduled.set(false);
        Map<UUID, TicketRow> byId = new HashMap<>();
        rows.forEach(row -> byId.put(row.ticketId(), row));
        List<TicketRow> added = new ArrayList<>();
        boolean libraryGrew = false;
        for (Arrival arrival = arrivals.poll(); arrival != null; arrival = arrivals.poll()) {
            libraryGrew |= apply(arrival.event(), arrival.read(), byId, added);
        }
        if (!added.isEmpty()) {
            Collections.reverse(added); // the newest file on top, as it arrived
            rows.addAll(0, added);
        }
        progress.render(texts);
        summarise(); // a row's total arrives without a list change
        if (libraryGrew) {
            refreshShops();
            libraryChanged();
        }
    }

    /** One event on its row (made when new); true when a ticket was read. */
    private boolean apply(ImportQueue.Event event, Ticket read, Map<UUID, TicketRow> byId, List<TicketRow> added) {
        progress.count(event);
        if (event.ticketId() == null) { // refused: not a ticket, nothing stored, no row
            message.set(
                    texts.get("import.refused", event.file().getFileName(), FailureWords.of(texts, event.message())));
            return false;
        }
        TicketRow row = byId.computeIfAbsent(event.ticketId(), id -> {
            TicketRow made = new TicketRow(event.file(), id);
            added.add(made);
            return made;
        });
        switch (event.state()) {
            case QUEUED -> setStatus(row, TicketRow.Status.QUEUED, null);
            case PROCESSING -> setStatus(row, TicketRow.Status.READING, null);
            case DONE -> {
                // Fields first: whoever sees "done" sees the values read.
                if (read != null) {
                    fill(row, read);
                }
                if (event.duplicate()) {
                    setStatus(row, TicketRow.Status.DUPLICATE, null);
                } else {
                    setStatus(
                            row,
                            read != null && read.twinOf() != null ? TicketRow.Status.TWIN : TicketRow.Status.DONE,
                            null);
                }
                return true;
            }
            case FAILED -> setStatus(row, TicketRow.Status.FAILED, event.message());
        }
        return false;
    }

    private void setStatus(TicketRow row, TicketRow.Status status, String detail) {
        row.setStatus(status, detail, stateText(status, detail));
    }

    private String stateText(TicketRow.Status status, String detail) {
        return switch (status) {
            case QUEUED -> texts.get("state.queued");
            case READING -> texts.get("state.reading");
            case DONE -> texts.get("state.done");
            case DUPLICATE -> texts.get("state.duplicate");
            case TWIN -> texts.get("state.twin");
            case FAILED -> texts.get("state.failed", FailureWords.of(texts, detail));
        };
    }

    private TicketRow rowOf(Ticket ticket) {
        TicketRow row = new TicketRow(ticket.storedFile(), ticket.id());
        fill(row, ticket);
        switch (ticket.state()) {
            case QUEUED -> setStatus(row, TicketRow.Status.QUEUED, null);
            case PROCESSING -> setStatus(row, TicketRow.Status.READING, null);
            case DONE -> setStatus(row, ticket.twinOf() != null ? TicketRow.Status.TWIN : TicketRow.Status.DONE, null);
            case FAILED -> setStatus(row, TicketRow.Status.FAILED, ticket.failure());
        }
        return row;
    }

    private void fill(TicketRow row, Ticket ticket) {
        row.fill(ticket, texts.formats().date(ticket.date()), texts.formats().money(ticket.total(), ticket.currency()));
        // A twin kept or whose other ticket went is a ticket like any other from now on.
        boolean twin = ticket.twinOf() != null;
        if (row.status() == TicketRow.Status.TWIN && !twin) {
            setStatus(row, TicketRow.Status.DONE, null);
        } else if (row.status() == TicketRow.Status.DONE && twin) {
            setStatus(row, TicketRow.Status.TWIN, null);
        }
    }

    /** Keeps the row's ticket as a purchase of its own, not the twin of another. */
    public void keepBoth(TicketRow row) {
        if (row == null || row.ticketId() == null) {
            return;
        }
        tasks.run(Lane.DISK, texts.get("task.save"), () -> {
            store.keepBoth(row.ticketId());
            ui.accept(() -> {
                details.show(details.ticketId());
                refreshEverything();
            });
        });
    }

    public TicketDetails details() {
        return details;
    }

    public SpendingViewModel spending() {
        return spending;
    }

    public ObservableList<TicketRow> rows() {
        return rows;
    }

    /** The rows the search, the date range and the shop filter leave. */
    public ObservableList<TicketRow> shownRows() {
        return shown;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** One shop's tickets only; null shows every shop. */
    public ObjectProperty<String> shopProperty() {
        return shop;
    }

    /** The tickets with a line of one category only; null shows them all. */
    public ObjectProperty<Category> categoryProperty() {
        return category;
    }

    public ObservableList<String> shops() {
        return shops;
    }

    public ReadOnlyStringProperty shownSummaryProperty() {
        return shownSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty serviceStatusProperty() {
        return serviceStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty serviceFailedProperty() {
        return serviceFailed.getReadOnlyProperty();
    }

    public ImportProgress importProgress() {
        return progress;
    }

    /** The Shopping list tab's view model. */
    public ShoppingListViewModel shoppingList() {
        return shoppingList;
    }

    public NextShopCard nextShop() {
        return nextShop;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}

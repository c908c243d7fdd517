package es.cesta.ui.main;

import es.cesta.service.ServiceState;
import es.cesta.tickets.ImportQueue;
import es.cesta.tickets.ImportState;
import es.cesta.tickets.Ticket;
import es.cesta.tickets.PurchaseHistory;
import es.cesta.tickets.TicketStore;
import es.cesta.ui.spending.SpendingViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import java.math.BigDecimal;
import es.cesta.client.NextShop;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * State of the main window, without a single Node: the rows of the library, the import progress,
 * the service status and the last message. Work runs on {@code background}; results come back
 * through {@code ui} (Platform::runLater in the app, Runnable::run in tests).
 */
public final class MainViewModel {

    private final TicketStore store;
    private final ImportQueue queue;
    private final Executor background;
    private final Consumer<Runnable> ui;
    private final ObservableList<TicketRow> rows = FXCollections.observableArrayList();
    private final FilteredList<TicketRow> shown = new FilteredList<>(rows, row -> true);
    private final StringProperty search = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper shownSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper serviceStatus = new ReadOnlyStringWrapper("Service starting…");
    private final ReadOnlyBooleanWrapper serviceFailed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper nextShop = new ReadOnlyStringWrapper("");
    private final TicketDetails details;
    private final SpendingViewModel spending;
    private final Function<NextShop.Request, NextShop.Response> predictor;
    private final AtomicBoolean predictionPending = new AtomicBoolean();
    private int submitted;
    private int finished;

    public MainViewModel(TicketStore store, ImportQueue queue, Executor background, Consumer<Runnable> ui,
                         Function<NextShop.Request, NextShop.Response> predictor) {
        this.predictor = predictor;
        this.store = store;
        this.details = new TicketDetails(store);
        this.spending = new SpendingViewModel(store, background, ui);
        this.queue = queue;
        this.background = background;
        this.ui = ui;
        queue.addListener(event -> ui.accept(() -> apply(event)));
        search.addListener((property, before, text) -> shown.setPredicate(row -> row.matches(text)));
        shown.addListener((ListChangeListener<TicketRow>) change -> summarise());
        rows.addListener((ListChangeListener<TicketRow>) change -> summarise());
    }

    /** "12 tickets, 345.67 in all" for what the search leaves on screen. */
    private void summarise() {
        BigDecimal sum = shown.stream().map(TicketRow::totalValue).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        shownSummary.set(shown.size() + (shown.size() == 1 ? " ticket, " : " tickets, ") + sum.toPlainString() + " in all");
    }

    public void load() {
        background.execute(() -> {
            List<Ticket> all = store.all();
            ui.accept(() -> rows.setAll(all.stream().map(MainViewModel::rowOf).toList()));
        });
        libraryChanged();
    }

    /** The library changed: the next-shop card and the spending charts follow. */
    private void libraryChanged() {
        refreshNextShop();
        spending.refresh();
    }

    public SpendingViewModel spending() {
        return spending;
    }

    /** Asks the next-shop model with the whole library; one request at a time, the latest wins. */
    public void refreshNextShop() {
        if (!predictionPending.compareAndSet(false, true)) {
            return;
        }
        background.execute(() -> {
            predictionPending.set(false);
            try {
                NextShop.Response answer = predictor.apply(PurchaseHistory.askingAt(LocalDateTime.now(), store.all()));
                ui.accept(() -> nextShop.set(NextShopText.describe(answer)));
            } catch (RuntimeException e) {
                ui.accept(() -> nextShop.set("The next-shop prediction is not available yet: " + e.getMessage()));
            }
        });
    }

    /** Files and folders dropped or chosen: registered and imported in the background. */
    public void importFiles(List<Path> paths) {
        if (paths.isEmpty()) {
            return;
        }
        message.set("");
        background.execute(() -> queue.submit(paths));
    }

    public void select(TicketRow row) {
        details.show(row == null || row.ticketId() == null ? null : store.find(row.ticketId()).orElse(null));
    }

    /** Saves the corrections of the selected ticket and shows them in its row. */
    public void saveDetails(TicketRow row) {
        details.save().ifPresent(ticket -> {
            fill(row, ticket);
            summarise();
            libraryChanged();
        });
    }

    /** Deletes the ticket of a row (after the view asked for confirmation). */
    public void delete(TicketRow row) {
        if (row.ticketId() == null) {
            rows.remove(row);
            return;
        }
        background.execute(() -> {
            store.delete(row.ticketId());
            ui.accept(() -> {
                rows.remove(row);
                details.show(null);
                libraryChanged();
            });
        });
    }

    /** The shown tickets to {@code file} and their items beside it ({@code name-items.csv}). */
    public void export(Path file) {
        List<java.util.UUID> ids = shown.stream().map(TicketRow::ticketId).filter(Objects::nonNull).toList();
        background.execute(() -> {
            List<es.cesta.tickets.Ticket> tickets = ids.stream().map(store::find).flatMap(Optional::stream).toList();
            try {
                Path itemsFile = es.cesta.tickets.CsvExport.write(tickets, store, file);
                ui.accept(() -> message.set("Exported " + tickets.size() + " tickets to " + file.getFileName()
                        + " and " + itemsFile.getFileName()));
            } catch (java.io.IOException e) {
                ui.accept(() -> message.set("Cannot write " + file + ": " + e.getMessage()));
            }
        });
    }

    public TicketDetails details() {
        return details;
    }

    public void retry(TicketRow row) {
        if (row.ticketId() != null) {
            background.execute(() -> queue.retry(row.ticketId()));
        }
    }

    public void serviceChanged(ServiceState state, int workers, String lastError) {
        ui.accept(() -> {
            serviceStatus.set(ServiceStatus.describe(state, workers, lastError));
            serviceFailed.set(state == ServiceState.FAILED);
        });
    }

    private void apply(ImportQueue.Event event) {
        TicketRow row = find(event).orElseGet(() -> {
            TicketRow added = new TicketRow(event.file(), event.ticketId());
            rows.add(0, added);
            return added;
        });
        if (event.state() == ImportState.QUEUED || event.ticketId() == null || event.duplicate()) {
            submitted++;
        }
        switch (event.state()) {
            case QUEUED -> row.setState("queued");
            case PROCESSING -> row.setState("reading…");
            case DONE -> {
                finished++;
                // Fields first: whoever sees "done" sees the values read.
                store.find(event.ticketId()).ifPresent(ticket -> fill(row, ticket));
                row.setState(event.duplicate() ? "duplicate: already in the library" : "done");
                libraryChanged();
            }
            case FAILED -> {
                finished++;
                row.setState("failed: " + event.message());
                if (event.ticketId() == null) {
                    rows.remove(row);  // refused: not a ticket, nothing stored
                    message.set(event.file().getFileName() + " was not imported: " + event.message());
                }
            }
        }
        progress.set(submitted == 0 ? 0 : (double) finished / submitted);
        progressText.set(finished + " of " + submitted + " files");
    }

    private Optional<TicketRow> find(ImportQueue.Event event) {
        return rows.stream().filter(r -> event.ticketId() != null
                ? Objects.equals(r.ticketId(), event.ticketId()) : r.file().equals(event.file())).findFirst();
    }

    private static TicketRow rowOf(Ticket ticket) {
        TicketRow row = new TicketRow(ticket.storedFile(), ticket.id());
        fill(row, ticket);
        row.setState(ticket.state().name().toLowerCase() + (ticket.failure() != null ? ": " + ticket.failure() : ""));
        return row;
    }

    private static void fill(TicketRow row, Ticket ticket) {
        row.fill(text(ticket.date()), text(ticket.shopName()), text(ticket.total()), Integer.toString(ticket.items()),
                text(ticket.paymentMethod()));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    public ObservableList<TicketRow> rows() {
        return rows;
    }

    /** The rows the search leaves: shop, item-free text of the row, amount or date. */
    public ObservableList<TicketRow> shownRows() {
        return shown;
    }

    public StringProperty searchProperty() {
        return search;
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

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nextShopProperty() {
        return nextShop.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}

package es.cesta.ui.spending;

import es.cesta.tickets.Ticket;
import es.cesta.tickets.TicketStore;
import es.cesta.ui.BackgroundTasks;
import es.cesta.ui.BackgroundTasks.Lane;
import es.cesta.ui.Texts;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Spending tab's state: the period picked and the bars per month and per shop for it. */
public final class SpendingViewModel {

    private final TicketStore store;
    private final BackgroundTasks tasks;
    private final Consumer<Runnable> ui;
    private final ObjectProperty<Spending.Period> period = new SimpleObjectProperty<>(Spending.Period.LAST_12_MONTHS);
    private final ObservableList<Spending.Bar> months = FXCollections.observableArrayList();
    private final ObservableList<Spending.Bar> shops = FXCollections.observableArrayList();
    private final ObservableList<String> products = FXCollections.observableArrayList();
    private final ObjectProperty<String> product = new SimpleObjectProperty<>();
    private final ObservableList<TicketStore.PricePoint> prices = FXCollections.observableArrayList();

    private final java.util.concurrent.atomic.AtomicBoolean refreshPending =
            new java.util.concurrent.atomic.AtomicBoolean();
    private Texts texts;

    public SpendingViewModel(TicketStore store, BackgroundTasks tasks, Texts texts) {
        this.texts = texts;
        this.store = store;
        this.tasks = tasks;
        this.ui = tasks.ui();
        period.addListener((property, before, now) -> refresh());
        product.addListener((property, before, now) -> loadPrices(now));
    }

    /** "How much is my milk now?": the unit price of one product across the tickets. */
    private void loadPrices(String description) {
        if (description == null) {
            prices.clear();
            return;
        }
        tasks.run(Lane.DISK, texts.get("task.spending"), () -> {
            List<TicketStore.PricePoint> points = store.priceHistory(description);
            ui.accept(() -> prices.setAll(points));
        });
    }

    /**
     * Reads the library again and redraws. An import calls this once per ticket: while a refresh is
     * still waiting for the background thread, further calls ride on it instead of queueing one each.
     */
    public void refresh() {
        if (!refreshPending.compareAndSet(false, true)) {
            return;
        }
        tasks.run(Lane.DISK, texts.get("task.spending"), () -> {
            refreshPending.set(false);
            Spending.Period chosen = period.get();
            List<Ticket> tickets = store.all();
            List<Spending.Bar> perMonth = Spending.perMonth(tickets, chosen);
            List<Spending.Bar> perShop = Spending.perShop(tickets, chosen, texts);
            List<String> repeated = store.repeatedProducts();
            ui.accept(() -> {
                months.setAll(perMonth);
                shops.setAll(perShop);
                String kept = product.get();
                products.setAll(repeated);
                if (kept != null && repeated.contains(kept)) {
                    loadPrices(kept);
                } else if (!repeated.isEmpty()) {
                    product.set(repeated.get(0)); // the most bought product: the chart is never empty for nothing
                }
            });
        });
    }

    /** Another language: the bars' own words ("Other shops") are drawn again. */
    public void useTexts(Texts newTexts) {
        texts = newTexts;
        refresh();
    }

    public ObservableList<String> products() {
        return products;
    }

    public ObjectProperty<String> productProperty() {
        return product;
    }

    public ObservableList<TicketStore.PricePoint> prices() {
        return prices;
    }

    public ObjectProperty<Spending.Period> periodProperty() {
        return period;
    }

    public ObservableList<Spending.Bar> months() {
        return months;
    }

    public ObservableList<Spending.Bar> shops() {
        return shops;
    }
}

package es.cesta.ui.spending;

import es.cesta.tickets.Ticket;
import es.cesta.tickets.TicketStore;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Spending tab's state: the period picked and the bars per month and per shop for it. */
public final class SpendingViewModel {

    private final TicketStore store;
    private final Executor background;
    private final Consumer<Runnable> ui;
    private final ObjectProperty<Spending.Period> period = new SimpleObjectProperty<>(Spending.Period.LAST_12_MONTHS);
    private final ObservableList<Spending.Bar> months = FXCollections.observableArrayList();
    private final ObservableList<Spending.Bar> shops = FXCollections.observableArrayList();

    public SpendingViewModel(TicketStore store, Executor background, Consumer<Runnable> ui) {
        this.store = store;
        this.background = background;
        this.ui = ui;
        period.addListener((property, before, now) -> refresh());
    }

    public void refresh() {
        Spending.Period chosen = period.get();
        background.execute(() -> {
            List<Ticket> tickets = store.all();
            List<Spending.Bar> perMonth = Spending.perMonth(tickets, chosen);
            List<Spending.Bar> perShop = Spending.perShop(tickets, chosen);
            ui.accept(() -> {
                months.setAll(perMonth);
                shops.setAll(perShop);
            });
        });
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

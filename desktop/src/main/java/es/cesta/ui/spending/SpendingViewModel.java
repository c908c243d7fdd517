package es.cesta.ui.spending;

import es.cesta.tickets.CategoryMemory;
import es.cesta.tickets.Currencies;
import es.cesta.tickets.SpendingGroup;
import es.cesta.tickets.SpendingQueries;
import es.cesta.tickets.Ticket;
import es.cesta.tickets.TicketStore;
import es.cesta.ui.BackgroundTasks;
import es.cesta.ui.BackgroundTasks.Lane;
import es.cesta.ui.Texts;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Spending tab's state: the period picked, the bars per month and per shop for it, the stacks per
 * category (a group opened into its categories) and the lines of the stack clicked.
 */
public final class SpendingViewModel {

    private final TicketStore store;
    private final BackgroundTasks tasks;
    private final Consumer<Runnable> ui;
    private final ObjectProperty<Spending.Period> period = new SimpleObjectProperty<>(Spending.Period.LAST_12_MONTHS);
    private final ObservableList<Spending.Bar> months = FXCollections.observableArrayList();
    private final ObservableList<Spending.Bar> shops = FXCollections.observableArrayList();
    private final ObservableList<String> products = FXCollections.observableArrayList();
    private final ObjectProperty<String> product = new SimpleObjectProperty<>();
    private final ObservableList<SpendingQueries.PricePoint> prices = FXCollections.observableArrayList();
    private final CategoryMemory memory;
    private final ObservableList<Spending.Stack> categories = FXCollections.observableArrayList();
    private final ObjectProperty<SpendingGroup> drilledGroup = new SimpleObjectProperty<>();
    private final ObjectProperty<Spending.Stack> picked = new SimpleObjectProperty<>();
    private final ObservableList<CategoryMemory.Line> pickedLines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper pickedSummary = new ReadOnlyStringWrapper("");
    private List<CategoryMemory.Line> lines = List.of();
    // Money in two currencies is never added up: the charts show one currency at a time.
    private final ObservableList<String> currencies = FXCollections.observableArrayList();
    private final ObjectProperty<String> currency = new SimpleObjectProperty<>(Currencies.FALLBACK);

    private final java.util.concurrent.atomic.AtomicBoolean refreshPending =
            new java.util.concurrent.atomic.AtomicBoolean();
    private Texts texts;

    public SpendingViewModel(TicketStore store, BackgroundTasks tasks, Texts texts) {
        this.texts = texts;
        this.store = store;
        this.tasks = tasks;
        this.ui = tasks.ui();
        this.memory = new CategoryMemory(store);
        period.addListener((property, before, now) -> refresh());
        currency.addListener((property, before, now) -> {
            if (now != null && before != null && !now.equals(before)) { // null: the choice box between lists
                refresh();
            }
        });
        drilledGroup.addListener((property, before, now) -> regroup());
        product.addListener((property, before, now) -> loadPrices(now));
    }

    /** "How much is my milk now?": the unit price of one product across the tickets. */
    private void loadPrices(String description) {
        if (description == null) {
            prices.clear();
            return;
        }
        tasks.run(Lane.DISK, texts.get("task.spending"), () -> {
            List<SpendingQueries.PricePoint> points = store.spending().priceHistory(description);
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
            List<Ticket> all = store.all();
            String main = Currencies.main(all.stream().map(Ticket::currency).toList());
            List<String> present = all.stream()
                    .map(t -> Currencies.of(t.currency(), main))
                    .distinct()
                    .sorted(Comparator.comparing((String code) -> !code.equals(main))
                            .thenComparing(code -> code))
                    .toList();
            String shown = present.contains(currency.get()) ? currency.get() : main;
            List<Ticket> tickets = all.stream()
                    .filter(t -> Currencies.of(t.currency(), main).equals(shown))
                    .toList();
            List<Spending.Bar> perMonth = Spending.perMonth(tickets, chosen);
            List<Spending.Bar> perShop = Spending.perShop(tickets, chosen, texts);
            List<String> repeated = store.spending().repeatedProducts();
            List<CategoryMemory.Line> categorised = memory.lines().stream()
                    .filter(line -> Currencies.of(line.currency(), main).equals(shown))
                    .toList();
            ui.accept(() -> {
                currencies.setAll(present.isEmpty() ? List.of(main) : present);
                currency.set(shown);
                months.setAll(perMonth);
                shops.setAll(perShop);
                lines = categorised;
                regroup();
                String kept = product.get();
                products.setAll(repeated);
                if (kept != null && repeated.contains(kept)) {
                    // New items clear a combo box's choice (and so the product): choose it again.
                    if (kept.equals(product.get())) {
                        loadPrices(kept);
                    } else {
                        product.set(kept);
                    }
                } else if (!repeated.isEmpty()) {
                    product.set(repeated.get(0)); // the most bought product: the chart is never empty for nothing
                }
            });
        });
    }

    /** The per-category stacks again from the lines already read (a drill-down needs no disk). */
    private void regroup() {
        categories.setAll(Spending.perCategory(lines, period.get(), drilledGroup.get(), texts));
        Spending.Stack kept = picked.get();
        Spending.Stack again = kept == null
                ? null
                : categories.stream()
                        .filter(s -> s.group() == kept.group() && s.category() == kept.category())
                        .findFirst()
                        .orElse(null);
        showLines(again);
    }

    /**
     * Clicking a stack: a group opens into its categories and lists its lines; a category (inside a
     * group) lists its own.
     */
    public void pick(Spending.Stack stack) {
        if (stack.category() == null && drilledGroup.get() != stack.group()) {
            picked.set(stack); // kept across the regroup below, which redraws the lines of this group
            drilledGroup.set(stack.group());
            showLines(stack);
            return;
        }
        showLines(stack);
    }

    /** Back from a group to every group. */
    public void allCategories() {
        picked.set(null);
        drilledGroup.set(null);
    }

    private void showLines(Spending.Stack stack) {
        picked.set(stack);
        if (stack == null) {
            pickedLines.clear();
            pickedSummary.set("");
            return;
        }
        List<CategoryMemory.Line> found = Spending.linesOf(lines, period.get(), stack);
        pickedLines.setAll(found);
        long tickets =
                found.stream().map(CategoryMemory.Line::ticketId).distinct().count();
        BigDecimal sum = found.stream().map(CategoryMemory.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        pickedSummary.set(texts.get(
                "spending.categoryLines",
                stack.name(),
                found.size(),
                tickets,
                texts.formats().money(sum, currency.get())));
    }

    public ObservableList<Spending.Stack> categories() {
        return categories;
    }

    /** The group shown opened into its categories; null when every group is shown. */
    public ObjectProperty<SpendingGroup> drilledGroupProperty() {
        return drilledGroup;
    }

    public ObservableList<CategoryMemory.Line> pickedLines() {
        return pickedLines;
    }

    public ReadOnlyStringProperty pickedSummaryProperty() {
        return pickedSummary.getReadOnlyProperty();
    }

    /** Another language: the bars' own words ("Other shops") are drawn again. */
    public void useTexts(Texts newTexts) {
        texts = newTexts;
        refresh();
    }

    /** The currencies of the library's tickets, its main one first. */
    public ObservableList<String> currencies() {
        return currencies;
    }

    /** The currency the charts show. */
    public ObjectProperty<String> currencyProperty() {
        return currency;
    }

    public ObservableList<String> products() {
        return products;
    }

    public ObjectProperty<String> productProperty() {
        return product;
    }

    public ObservableList<SpendingQueries.PricePoint> prices() {
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

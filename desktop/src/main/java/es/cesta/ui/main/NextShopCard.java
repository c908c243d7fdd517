package es.cesta.ui.main;

import es.cesta.client.NextShop;
import es.cesta.tickets.PurchaseHistory;
import es.cesta.tickets.Ticket;
import es.cesta.ui.BackgroundTasks;
import es.cesta.ui.ServiceAsk;
import es.cesta.ui.Texts;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The next-shop card: asks the service's model with the whole library and words its answer.
 *
 * It asks as every {@link ServiceAsk} does: once the service is ready, one request at a time, the
 * latest library winning.
 */
public final class NextShopCard {

    private final ServiceAsk<NextShop.Response> ask;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final ObservableList<NextShop.Prediction> likely = FXCollections.observableArrayList();
    // One read-only view, kept: such a view follows its list through a weak listener.
    private final ObservableList<NextShop.Prediction> likelyShown = FXCollections.unmodifiableObservableList(likely);
    private Texts texts;
    private NextShop.Response lastAnswer;
    private String problem;

    NextShopCard(
            BackgroundTasks tasks,
            Function<NextShop.Request, NextShop.Response> predictor,
            Supplier<List<Ticket>> library,
            Texts texts) {
        this.ask = new ServiceAsk<>(
                tasks,
                () -> this.texts.get("task.predict"),
                () -> predictor.apply(
                        PurchaseHistory.askingAt(LocalDateTime.now(ZoneId.systemDefault()), library.get())),
                answer -> {
                    lastAnswer = answer;
                    problem = null;
                    render();
                },
                said -> {
                    problem = said;
                    render();
                });
        this.texts = texts;
        text.set(texts.get("nextShop.waiting"));
        note.set(text.get());
    }

    /** The service became ready (ask now) or stopped being so (wait for it again). */
    void serviceReady(boolean ready) {
        ask.serviceReady(ready);
    }

    /** Asks again with the library as it is now; before the service is ready, nothing is asked. */
    void refresh() {
        ask.refresh();
    }

    void useTexts(Texts newTexts) {
        texts = newTexts;
        render();
    }

    private void render() {
        List<NextShop.Prediction> shops = List.of();
        if (problem != null) {
            text.set(texts.get("nextShop.unavailable", problem));
            note.set(text.get());
        } else if (lastAnswer != null) {
            text.set(NextShopText.describe(texts, lastAnswer));
            shops = lastAnswer.predictions().stream().limit(NextShopText.SHOWN).toList();
            note.set(shops.isEmpty() ? text.get() : NextShopText.visit(texts, lastAnswer));
        } else {
            text.set(texts.get("nextShop.waiting"));
            note.set(text.get());
        }
        likely.setAll(shops);
    }

    /** The whole card in words: the shops with their chance, then when the next visit is due. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The shops the card shows, most likely first (none while there is no answer). */
    public ObservableList<NextShop.Prediction> likely() {
        return likelyShown;
    }

    /** What the card says under the shops: the next visit, or why there are no shops to show. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }
}

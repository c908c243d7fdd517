package es.cesta.ui.main;

import es.cesta.tickets.Category;
import es.cesta.tickets.CategoryMemory;
import es.cesta.tickets.LineColumn;
import es.cesta.ui.BackgroundTasks;
import es.cesta.ui.BackgroundTasks.Lane;
import es.cesta.ui.Texts;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * After the person gives a line a category in the review: the offer to give it to the other lines
 * of the library that read the same ("4 other lines read PLATANO: give them Fruit and vegetables
 * too?"), and carrying it out. The choice itself is saved by the review as a correction.
 */
public final class CategoryChoice {

    private record Offer(UUID ticketId, int position, String description, Category category, int others) {}

    private final CategoryMemory memory;
    private final BackgroundTasks tasks;
    private final Consumer<Runnable> ui;
    private final ReadOnlyStringWrapper offerText = new ReadOnlyStringWrapper("");
    private Texts texts;
    private Offer offer;

    CategoryChoice(CategoryMemory memory, BackgroundTasks tasks, Texts texts) {
        this.memory = memory;
        this.tasks = tasks;
        this.ui = tasks.ui();
        this.texts = texts;
    }

    /** Counts the other lines like {@code line} (after the choice is saved: the disk lane keeps order). */
    void chosen(UUID ticketId, LineRow line, Category category) {
        dismiss();
        String description = line.value(LineColumn.DESCRIPTION);
        tasks.run(Lane.DISK, texts.get("task.save"), () -> {
            int others = memory.othersLike(ticketId, line.position(), description, category);
            ui.accept(() -> {
                if (others > 0) {
                    offer = new Offer(ticketId, line.position(), description, category, others);
                    offerText.set(
                            texts.get("review.categoryOffer", others, description, texts.get(category.textKey())));
                }
            });
        });
    }

    /** Gives the offered category to the other lines; {@code done} gets how many changed. */
    public void accept(Consumer<Integer> done) {
        Offer accepted = offer;
        dismiss();
        if (accepted == null) {
            return;
        }
        tasks.run(Lane.DISK, texts.get("task.save"), () -> {
            int changed = memory.applyToOthers(
                    accepted.ticketId(), accepted.position(), accepted.description(), accepted.category());
            ui.accept(() -> done.accept(changed));
        });
    }

    public void dismiss() {
        offer = null;
        offerText.set("");
    }

    void useTexts(Texts newTexts) {
        texts = newTexts;
        dismiss();
    }

    /** The offer's sentence; empty when there is nothing to offer. */
    public ReadOnlyStringProperty offerProperty() {
        return offerText.getReadOnlyProperty();
    }
}

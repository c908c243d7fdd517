package es.cesta.ui;

import es.cesta.ui.BackgroundTasks.Lane;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A question the window asks the intelligence service whenever the library changes (the next
 * shop, the shopping list), and hands its answer, or the reason it has none, to the FX thread.
 *
 * <p>Invariants: nothing is asked before the service is ready (asked earlier, the person would
 * read a connection error while the status bar says the service is starting); one request at a
 * time, and a change while one is out is asked again once it ends, so the latest library wins.
 */
public final class ServiceAsk<T> {

    private final BackgroundTasks tasks;
    private final Supplier<String> label;
    private final Supplier<T> question;
    private final Consumer<T> onAnswer;
    private final Consumer<String> onProblem;
    private final AtomicBoolean serviceReady = new AtomicBoolean();
    private final AtomicBoolean pending = new AtomicBoolean();

    /**
     * {@code question} runs on the service lane under the task name {@code label} gives (in the
     * language of the moment); the two callbacks run on the FX thread.
     */
    public ServiceAsk(
            BackgroundTasks tasks,
            Supplier<String> label,
            Supplier<T> question,
            Consumer<T> onAnswer,
            Consumer<String> onProblem) {
        this.tasks = tasks;
        this.label = label;
        this.question = question;
        this.onAnswer = onAnswer;
        this.onProblem = onProblem;
    }

    /** The service became ready (ask now) or stopped being so (wait for it again). */
    public void serviceReady(boolean ready) {
        if (serviceReady.getAndSet(ready) != ready && ready) {
            refresh();
        }
    }

    /** Asks again with the library as it is now; before the service is ready, nothing is asked. */
    public void refresh() {
        if (!serviceReady.get() || !pending.compareAndSet(false, true)) {
            return;
        }
        tasks.run(Lane.SERVICE, label.get(), () -> {
            pending.set(false);
            try {
                T answer = question.get();
                tasks.ui().accept(() -> onAnswer.accept(answer));
            } catch (RuntimeException e) {
                tasks.ui().accept(() -> onProblem.accept(e.getMessage()));
            }
        });
    }
}

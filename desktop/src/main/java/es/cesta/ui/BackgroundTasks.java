package es.cesta.ui;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The window's background work, in two lanes so that a slow call to the intelligence service (a
 * prediction on a long history, a service restarting) never delays a save or a page image: DISK
 * for the library and the files, SERVICE for HTTP calls.
 *
 * <p>Invariant: a task that throws is never lost on stderr. Its failure is logged and said to the
 * person, on the UI thread, through the reporter the window sets ({@link #onFailure}); the lane goes
 * on with the next task. View models take a BackgroundTasks whose lanes and UI callback are
 * {@code Runnable::run} in tests, so those run headless on the calling thread.
 */
public final class BackgroundTasks {

    public enum Lane {
        DISK,
        SERVICE
    }

    /** Background work that may fail. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    private static final Logger LOG = Logger.getLogger("cesta.tasks");

    private final Executor disk;
    private final Executor service;
    private final Consumer<Runnable> ui;
    private volatile Consumer<String> failures = sentence -> {};

    public BackgroundTasks(Executor disk, Executor service, Consumer<Runnable> ui) {
        this.disk = disk;
        this.service = service;
        this.ui = ui;
    }

    /** One executor for both lanes (tests, the CLI). */
    public static BackgroundTasks on(Executor executor, Consumer<Runnable> ui) {
        return new BackgroundTasks(executor, executor, ui);
    }

    /** Where a failed task's sentence goes: the window's message line. */
    public void onFailure(Consumer<String> reporter) {
        failures = reporter;
    }

    /** Runs {@code work} in {@code lane}; {@code what} names it for the person when it fails. */
    public void run(Lane lane, String what, Work work) {
        (lane == Lane.DISK ? disk : service).execute(() -> {
            try {
                work.run();
            } catch (Exception | LinkageError e) {
                LOG.log(Level.WARNING, what + " failed", e);
                String reason =
                        e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
                ui.accept(() -> failures.accept(what + ": " + reason));
            }
        });
    }

    public Consumer<Runnable> ui() {
        return ui;
    }
}

package es.cesta.ui;

import es.cesta.service.ServiceState;
import es.cesta.service.TestServices;
import es.cesta.ui.main.TicketRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * {@code ./cesta bench ui}: the real window imports the given tickets while two probes watch the FX
 * thread: the gap between animation pulses, and how late a runLater posted every 20 ms runs. Either
 * one above 100 ms means the window froze. Writes one JSON object to the file named by cesta.benchOut.
 */
public final class UiBench extends CestaApp {

    private final List<Long> pulseGapsNs = new CopyOnWriteArrayList<>();
    // The pulse gaps while pages are shown one after the other, once the import is over.
    private final List<Long> pageGapsNs = new CopyOnWriteArrayList<>();
    private volatile List<Long> gapsNow = pulseGapsNs;
    private final List<Long> runLaterDelaysNs = new CopyOnWriteArrayList<>();
    private final List<String> stalls = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "fx-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "fx-prober");
        thread.setDaemon(true);
        return thread;
    });

    /** The entry point; a class apart because the java launcher refuses an Application subclass without modules. */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(UiBench.class, args);
        }
    }

    @Override
    public void start(Stage stage) throws IOException {
        super.start(stage);
        // The tickets come in a list file, not as arguments: arguments are files the app imports itself
        // at start ("Open with Cesta"), and the bench drops them once the window is up.
        List<Path> files = Files.readAllLines(Path.of(System.getProperty("cesta.benchFiles"))).stream()
                .filter(line -> !line.isBlank())
                .map(Path::of)
                .toList();
        Path out = Path.of(System.getProperty("cesta.benchOut", "ui-bench.json"));
        Thread driver = new Thread(() -> drive(files, out), "bench-driver");
        driver.setDaemon(true);
        driver.start();
    }

    private void drive(List<Path> files, Path out) {
        try {
            if (!supervisor().awaitState(ServiceState.READY, TestServices.SERVICE_BOUND)) {
                throw new IllegalStateException("the service did not become ready");
            }
            Platform.runLater(this::startProbes);
            Thread.sleep(500);
            long started = System.nanoTime();
            Platform.runLater(() -> viewModel().importFiles(files));
            while (!finished(files.size())) {
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            Thread.sleep(300);
            prober.shutdownNow();
            gapsNow = pageGapsNs;
            List<Long> pdfPages = pageWaits(".pdf");
            List<Long> photoPages = pageWaits(".jpg");
            Files.writeString(out, report(files.size(), seconds, pdfPages, photoPages));
        } catch (Exception e) {
            java.util.logging.Logger.getLogger(UiBench.class.getName())
                    .log(java.util.logging.Level.SEVERE, "the window benchmark failed", e);
        } finally {
            Platform.runLater(Platform::exit);
        }
    }

    // Tickets whose page is shown one after the other, once the import is over.
    private static final int PAGES_SHOWN = 12;

    /**
     * What the person waits for a ticket's page in the review: from selecting its row to its page on
     * screen (the ticket read from the library, the page rendered off the FX thread), per file type.
     */
    private List<Long> pageWaits(String suffix) throws Exception {
        List<Long> waits = new ArrayList<>();
        List<TicketRow> rows = onFx(() -> viewModel().rows().stream()
                .filter(r -> r.file()
                        .getFileName()
                        .toString()
                        .toLowerCase(Locale.ROOT)
                        .endsWith(suffix))
                .limit(PAGES_SHOWN)
                .toList());
        for (TicketRow row : rows) {
            onFx(() -> {
                viewModel().select(null);
                return null;
            });
            java.util.concurrent.CountDownLatch shown = new java.util.concurrent.CountDownLatch(1);
            long[] took = new long[1];
            javafx.beans.value.ChangeListener<javafx.scene.image.Image> onPage = (o, was, now) -> {
                if (now != null && shown.getCount() > 0) {
                    took[0] = System.nanoTime();
                    shown.countDown();
                }
            };
            long started = onFx(() -> {
                viewModel().details().pageProperty().addListener(onPage);
                long now = System.nanoTime();
                viewModel().select(row);
                return now;
            });
            if (shown.await(30, TimeUnit.SECONDS)) {
                waits.add(took[0] - started);
            }
            onFx(() -> {
                viewModel().details().pageProperty().removeListener(onPage);
                return null;
            });
        }
        return waits;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(work);
        Platform.runLater(task);
        return task.get(30, TimeUnit.SECONDS);
    }

    private boolean finished(int expected) throws Exception {
        boolean[] done = new boolean[1];
        java.util.concurrent.CountDownLatch asked = new java.util.concurrent.CountDownLatch(1);
        Platform.runLater(() -> {
            List<TicketRow> rows = viewModel().rows();
            done[0] = rows.size() >= expected
                    && rows.stream()
                            .map(r -> r.stateProperty().get())
                            .allMatch(state -> state.equals("done")
                                    || state.equals("probable duplicate") // a scan of a ticket whose PDF is in
                                    || state.startsWith("failed")
                                    || state.startsWith("duplicate"));
            asked.countDown();
        });
        asked.await(10, TimeUnit.SECONDS);
        return done[0];
    }

    private void startProbes() {
        new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (last != 0) {
                    gapsNow.add(now - last);
                }
                last = now;
            }
        }.start();
        Thread fx = Thread.currentThread();
        // Runs until drive() shuts the prober down.
        ScheduledFuture<?> unused = prober.scheduleAtFixedRate(
                () -> {
                    long posted = System.nanoTime();
                    java.util.concurrent.atomic.AtomicBoolean ran = new java.util.concurrent.atomic.AtomicBoolean();
                    Platform.runLater(() -> {
                        ran.set(true);
                        runLaterDelaysNs.add(System.nanoTime() - posted);
                    });
                    // A stall names itself: what the FX thread is doing 80 ms into it.
                    ScheduledFuture<?> unusedStallCheck = watchdog.schedule(
                            () -> {
                                if (!ran.get()) {
                                    stalls.add(java.util.Arrays.stream(fx.getStackTrace())
                                            .limit(12)
                                            .map(Object::toString)
                                            .collect(java.util.stream.Collectors.joining(" < ")));
                                }
                            },
                            80,
                            TimeUnit.MILLISECONDS);
                },
                0,
                20,
                TimeUnit.MILLISECONDS);
    }

    private String report(int tickets, double seconds, List<Long> pdfPages, List<Long> photoPages) {
        long failed = viewModel().rows().stream()
                .filter(r -> r.stateProperty().get().startsWith("failed"))
                .count();
        return String.format(
                Locale.ROOT,
                "{\"tickets\": %d, \"failed\": %d, \"import_s\": %.2f, "
                        + "\"pulse_gap_ms\": %s, \"runlater_delay_ms\": %s, \"stalls\": %s, "
                        + "\"page_shown_ms\": {\"pdf\": %s, \"photo\": %s}, \"page_pulse_gap_ms\": %s}",
                tickets,
                failed,
                seconds,
                stats(pulseGapsNs),
                stats(runLaterDelaysNs),
                json(stalls),
                stats(pdfPages),
                stats(photoPages),
                stats(pageGapsNs));
    }

    private static String json(List<String> texts) {
        return texts.stream()
                .distinct()
                .limit(20)
                .map(t -> "\"" + t.replace("\\", "/").replace("\"", "'") + "\"")
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    private static String stats(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return "null";
        }
        long over = sorted.stream().filter(n -> n > 100_000_000L).count();
        return String.format(
                Locale.ROOT,
                "{\"samples\": %d, \"p50\": %.1f, \"p99\": %.1f, \"max\": %.1f, " + "\"over_100ms\": %d}",
                sorted.size(),
                at(sorted, 0.50),
                at(sorted, 0.99),
                sorted.get(sorted.size() - 1) / 1e6,
                over);
    }

    private static double at(List<Long> sorted, double q) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.round(q * (sorted.size() - 1)))) / 1e6;
    }
}

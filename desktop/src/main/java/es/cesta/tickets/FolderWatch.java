package es.cesta.tickets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A folder whose new tickets import themselves: where the phone syncs its photos, where e-mailed
 * PDFs are saved. The folder is looked at every {@link #POLL} (a look at names, sizes and times:
 * synced and network folders do not always raise file-system events). Invariants:
 *
 * <ul>
 *   <li>a file is handed over once its size and modification time have held still for
 *       {@link #SETTLE}: a file still being written (a sync, a download) is never read half-way;
 *   <li>a file whose bytes the library already holds is skipped without a word, so the folder
 *       can keep what was imported, and so is a file that is not a PDF, JPEG or PNG;
 *   <li>what is in the folder when the watch starts (files that came while the app was closed) is
 *       looked at like a new file;
 *   <li>each file is handed over at most once per watch; hidden files and the names browsers and
 *       sync tools give a file they are still writing are never handed over.
 * </ul>
 */
public final class FolderWatch implements AutoCloseable {

    static final Duration POLL = Duration.ofSeconds(2);
    static final Duration SETTLE = Duration.ofSeconds(3);
    // A phone's sync app may file photos by year or month: a few levels, not a whole disk.
    private static final int DEPTH = 3;
    private static final List<String> BEING_WRITTEN =
            List.of(".part", ".partial", ".crdownload", ".tmp", ".download", "~");
    private static final Logger LOG = Logger.getLogger("cesta.watch");

    private record Seen(long size, Instant modified, Instant since) {}

    private final Path folder;
    private final TicketStore store;
    private final Supplier<Instant> clock;
    private final Map<Path, Seen> seen = new HashMap<>();
    private final Set<Path> handled = new HashSet<>();
    private ScheduledExecutorService timer;

    public FolderWatch(Path folder, TicketStore store, Supplier<Instant> clock) {
        this.folder = folder;
        this.store = store;
        this.clock = clock;
    }

    public Path folder() {
        return folder;
    }

    /** Looks at the folder now and every {@link #POLL}; {@code found} gets each batch of new tickets. */
    public synchronized void start(Consumer<List<Path>> found) {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "folder-watch");
            thread.setDaemon(true);
            return thread;
        });
        // The task catches what it throws itself: its future would only ever hold a cancellation.
        java.util.concurrent.ScheduledFuture<?> unused = timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        List<Path> fresh = look();
                        if (!fresh.isEmpty()) {
                            found.accept(fresh);
                        }
                    } catch (RuntimeException e) { // a bad look must not end the watch
                        LOG.log(Level.WARNING, "looking at " + folder + " failed", e);
                    }
                },
                0,
                POLL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** One look: the files that settled since the last looks and that the library does not hold. */
    synchronized List<Path> look() {
        Instant now = clock.get();
        List<Path> settled = new ArrayList<>();
        Set<Path> present = new HashSet<>();
        for (Path file : candidates()) {
            present.add(file);
            if (handled.contains(file)) {
                continue;
            }
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                Instant modified = attributes.lastModifiedTime().toInstant();
                Seen before = seen.get(file);
                if (before == null
                        || before.size() != attributes.size()
                        || !before.modified().equals(modified)) {
                    seen.put(file, new Seen(attributes.size(), modified, now));
                } else if (!now.isBefore(before.since().plus(SETTLE)) && attributes.size() > 0) {
                    handled.add(file);
                    seen.remove(file);
                    // Only tickets: the folder may hold other things, which are not the person's imports.
                    if (ImportQueue.refusal(file) == null && !store.holds(file)) {
                        settled.add(file);
                    }
                }
            } catch (IOException e) { // gone, or not readable yet: looked at again next time
                seen.remove(file);
            }
        }
        seen.keySet().retainAll(present);
        return settled;
    }

    private List<Path> candidates() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder, DEPTH)) {
            return files.filter(Files::isRegularFile)
                    .filter(FolderWatch::looksFinished)
                    .sorted()
                    .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.log(Level.WARNING, "cannot list " + folder, e);
            return List.of();
        }
    }

    private static boolean looksFinished(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && BEING_WRITTEN.stream().noneMatch(name::endsWith);
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}

package es.cesta.tickets;

import es.cesta.client.IntelligenceClient;
import es.cesta.client.OcrResult;
import es.cesta.client.ServiceBusyException;
import es.cesta.client.ServiceException;
import es.cesta.client.ServiceUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Files and folders in, tickets out: each accepted file is registered in the store (queued)
 * before any work, processed by at most {@code concurrency} jobs at once, and ends done or failed
 * with the reason. Tickets a crash left unfinished are resumed by {@link #resumeUnfinished()}.
 */
public final class ImportQueue implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger("cesta.import");

    /** What happened to one file; the UI and the CLI show these. */
    public record Event(Path file, UUID ticketId, ImportState state, boolean duplicate, String message) {}

    public static final String NOT_A_TICKET = "not a PDF, JPEG or PNG ticket";
    public static final String CANCELLED = "import cancelled; Retry reads it";
    public static final String EMPTY_FILE = "the file is empty";
    public static final String SERVICE_UNAVAILABLE = "the intelligence service is unavailable";
    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};
    // A restart of the service takes a second or two on an idle machine and minutes on a busy one
    // (it runs at nice 5). A job waits for as long as the supervisor is restarting it (the
    // supervisor gives up when a start stops making progress), and this long by the clock otherwise.
    private static final long OUTAGE_PATIENCE_NS =
            java.time.Duration.ofMinutes(3).toNanos();
    private static final long OUTAGE_PAUSE_MS = 1000;

    private final TicketStore store;
    private final IntelligenceClient client;
    private final ImportCategories categories;
    private final ExecutorService workers;
    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
    // Tickets waiting for a worker; a job starts only if it can take its ticket out of this set.
    private final Set<UUID> waiting = ConcurrentHashMap.newKeySet();

    public ImportQueue(TicketStore store, IntelligenceClient client, int concurrency) {
        this.store = store;
        this.client = client;
        this.categories = new ImportCategories(client, new CategoryMemory(store));
        this.workers = Executors.newFixedThreadPool(Math.max(1, concurrency), r -> {
            Thread thread = new Thread(r, "import");
            thread.setDaemon(true);
            return thread;
        });
    }

    public void addListener(Consumer<Event> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Event> listener) {
        listeners.remove(listener);
    }

    /**
     * Cancels every ticket still waiting for a worker (those being read finish): each is kept as
     * failed with the reason, so nothing is lost and Retry imports it. Returns how many were cancelled.
     */
    public int cancelWaiting() {
        int cancelled = 0;
        for (UUID id : List.copyOf(waiting)) {
            if (waiting.remove(id)) {
                Ticket ticket = store.find(id).orElse(null);
                store.markFailed(id, CANCELLED);
                emit(new Event(
                        ticket != null ? Path.of(ticket.fileName()) : Path.of(id.toString()),
                        id,
                        ImportState.FAILED,
                        false,
                        CANCELLED));
                cancelled++;
            }
        }
        return cancelled;
    }

    /** Registers every file under the given paths and starts importing the new ones. */
    public List<CompletableFuture<Event>> submit(Collection<Path> paths) {
        List<CompletableFuture<Event>> jobs = new ArrayList<>();
        for (Path file : expand(paths)) {
            String refusal = refusal(file);
            if (refusal != null) {
                jobs.add(CompletableFuture.completedFuture(
                        emit(new Event(file, null, ImportState.FAILED, false, refusal))));
                continue;
            }
            TicketStore.Registration registration;
            try {
                registration = store.register(file);
            } catch (IOException | StoreException e) {
                jobs.add(CompletableFuture.completedFuture(emit(new Event(
                        file, null, ImportState.FAILED, false, "cannot read or copy the file: " + e.getMessage()))));
                continue;
            }
            if (registration.duplicate()) {
                jobs.add(CompletableFuture.completedFuture(emit(
                        new Event(file, registration.ticketId(), ImportState.DONE, true, "already in the library"))));
                continue;
            }
            emit(new Event(file, registration.ticketId(), ImportState.QUEUED, false, "queued"));
            jobs.add(schedule(file, registration.ticketId(), registration.storedFile()));
        }
        return jobs;
    }

    /** Re-queues what a crash or kill left queued or processing: nothing lost, nothing doubled. */
    public List<CompletableFuture<Event>> resumeUnfinished() {
        return store.unfinished().stream()
                .map(t -> schedule(Path.of(t.fileName()), t.id(), t.storedFile()))
                .toList();
    }

    /**
     * Reads a ticket again from its stored copy: a failed one (the Retry action) or one read wrongly
     * (Read again). The new reading replaces the service's lines; the person's corrections are kept
     * apart and still apply. A ticket still in the queue is left there.
     */
    public CompletableFuture<Event> readAgain(UUID id) {
        Ticket ticket = store.find(id).orElseThrow(() -> new IllegalArgumentException("no ticket " + id));
        if (waiting.contains(id) || ticket.state() == ImportState.PROCESSING) {
            return CompletableFuture.completedFuture(
                    new Event(Path.of(ticket.fileName()), id, ticket.state(), false, "already being read"));
        }
        return schedule(Path.of(ticket.fileName()), id, ticket.storedFile());
    }

    private CompletableFuture<Event> schedule(Path file, UUID id, Path stored) {
        waiting.add(id);
        return CompletableFuture.supplyAsync(
                () -> {
                    if (!waiting.remove(id)) {
                        return new Event(
                                file, id, ImportState.FAILED, false, CANCELLED); // already said by cancelWaiting
                    }
                    return emit(process(file, id, stored));
                },
                workers);
    }

    /** Ends in DONE or FAILED whatever throws: a row never stays "reading" in the window. */
    private Event process(Path file, UUID id, Path stored) {
        try {
            store.markProcessing(id);
            emit(new Event(file, id, ImportState.PROCESSING, false, "reading"));
            return read(file, id, stored);
        } catch (RuntimeException unexpected) {
            LOG.log(Level.WARNING, "import of " + file + " failed", unexpected);
            return failed(file, id, "the import failed: " + unexpected.getMessage());
        }
    }

    private Event read(Path file, UUID id, Path stored) {
        long giveUpAt = System.nanoTime() + OUTAGE_PATIENCE_NS;
        while (true) {
            try {
                OcrResult result = categories.withPersonsExamples(
                        client.processTicket(id, stored, file.getFileName().toString()));
                store.markDone(id, result);
                return new Event(file, id, ImportState.DONE, false, describe(result));
            } catch (ServiceUnavailableException | ServiceBusyException outage) {
                if (client.serviceComingBack()) {
                    giveUpAt = System.nanoTime() + OUTAGE_PATIENCE_NS; // the clock starts once it is back
                } else if (System.nanoTime() > giveUpAt) {
                    return failed(file, id, SERVICE_UNAVAILABLE + ": " + outage.getMessage());
                }
                pause();
            } catch (ServiceException refused) {
                return failed(file, id, refused.getMessage() + " (" + refused.code() + ")");
            } catch (IOException | StoreException e) {
                return failed(file, id, e.getMessage());
            }
        }
    }

    /**
     * The import as failed, with the reason. When even that cannot be written (the disk is full),
     * the person is still told, and the row stays unfinished in the library: the next start reads
     * the ticket again, so nothing is lost.
     */
    private Event failed(Path file, UUID id, String reason) {
        try {
            store.markFailed(id, reason);
            return new Event(file, id, ImportState.FAILED, false, reason);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot record the failure of " + file, e);
            return new Event(
                    file,
                    id,
                    ImportState.FAILED,
                    false,
                    reason + "; the library could not record it (" + e.getMessage()
                            + "), so it is read again at the next start");
        }
    }

    private static String describe(OcrResult r) {
        String shop = r.shop() != null && r.shop().name() != null ? r.shop().name() : "unknown shop";
        return shop + " " + (r.date() != null ? r.date() : "no date") + " "
                + (r.total() != null ? r.total() : "no total");
    }

    private static void pause() {
        try {
            Thread.sleep(OUTAGE_PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Event emit(Event event) {
        for (Consumer<Event> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) { // one broken listener must not stop the import or the others
                LOG.log(Level.WARNING, "an import listener failed", e);
            }
        }
        return event;
    }

    static List<Path> expand(Collection<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .sorted()
                            .forEach(files::add);
                } catch (IOException e) {
                    files.add(path); // reported as unreadable by refusal()
                }
            } else {
                files.add(path);
            }
        }
        return files;
    }

    /** Why a file is not a ticket Cesta can read, or null when it is one (judged by its bytes). */
    static String refusal(Path file) {
        if (!Files.isReadable(file)) {
            return "cannot read the file";
        }
        byte[] head = new byte[1024];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = Math.max(0, in.readNBytes(head, 0, head.length));
        } catch (IOException e) {
            return "cannot read the file: " + e.getMessage();
        }
        if (read == 0) {
            return EMPTY_FILE;
        }
        byte[] start = Arrays.copyOf(head, read);
        if (contains(start, PDF) || startsWith(start, JPEG) || startsWith(start, PNG)) {
            return null;
        }
        return NOT_A_TICKET;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(Arrays.copyOf(data, prefix.length), prefix);
    }

    private static boolean contains(byte[] data, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}

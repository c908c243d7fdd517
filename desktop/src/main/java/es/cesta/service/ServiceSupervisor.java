package es.cesta.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import es.cesta.client.Endpoint;
import es.cesta.config.AppConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Starts the intelligence service, knows when it is ready, restarts it when it crashes and stops
 * it with the app, leaving no process behind. Each launch gets a fresh random key (in the
 * environment only) and instance id; /health must answer with that id, so a foreign process on
 * the port is never taken for ours and never sees the key.
 */
public final class ServiceSupervisor implements Endpoint, AutoCloseable {

    private static final Logger LOG = Logger.getLogger("cesta.service");
    private static final Duration HEALTH_POLL = Duration.ofMillis(250);
    private static final Duration LIVENESS_PERIOD = Duration.ofSeconds(3);
    private static final int FAILED_CHECKS_TO_RESTART = 3;
    private static final Duration STOP_GRACE = Duration.ofSeconds(3);

    private final AppConfig config;
    private final RestartPolicy policy;
    private final List<Consumer<ServiceState>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "service-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient probe = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final ObjectMapper json = new ObjectMapper();
    private final Thread shutdownHook = new Thread(this::stopNow, "service-shutdown");
    private final SecureRandom random = new SecureRandom();

    private volatile ServiceState state = ServiceState.STOPPED;
    private volatile SidecarProcess process;
    private volatile URI baseUri;
    private volatile String apiKey = "";
    private volatile String instanceId = "";
    private volatile boolean stopping;
    private volatile Instant readySince = Instant.now();
    private volatile String lastError = "";
    private volatile List<String> lastLogLines = List.of();
    // How long a dead child's pipes are read for its last lines (its exit closes them at once, unless
    // an orphaned grandchild holds them open).
    private static final Duration LAST_WORDS_WAIT = Duration.ofMillis(500);
    private int failedChecks;

    public ServiceSupervisor(AppConfig config, RestartPolicy policy) {
        this.config = config;
        this.policy = policy;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        // Runs until close() shuts the scheduler down; checkLiveness catches its own failures.
        ScheduledFuture<?> unused = scheduler.scheduleWithFixedDelay(
                this::checkLiveness, LIVENESS_PERIOD.toMillis(), LIVENESS_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void addListener(Consumer<ServiceState> listener) {
        listeners.add(listener);
    }

    public ServiceState state() {
        return state;
    }

    public String lastError() {
        return lastError;
    }

    /** The service's last log lines, also after it died (shown with FAILED). */
    public List<String> lastLogLines() {
        SidecarProcess current = process;
        return current != null ? current.lastLogLines(40) : lastLogLines;
    }

    public long servicePid() {
        SidecarProcess current = process;
        return current != null ? current.pid() : -1;
    }

    // Before the first start a call finds nothing listening (port 9, "discard"), is refused and
    // retried by the client: the same path as a restart, rather than a null to special-case.
    private static final URI NOT_STARTED = URI.create("http://127.0.0.1:9");

    @Override
    public URI baseUri() {
        URI current = baseUri;
        return current != null ? current : NOT_STARTED;
    }

    @Override
    public String apiKey() {
        return apiKey;
    }

    public void start() {
        stopping = false;
        setState(ServiceState.STARTING);
        scheduler.execute(this::launch);
    }

    /** The Restart button of a FAILED service: a new budget and a new launch. */
    public void restart() {
        policy.reset();
        scheduler.execute(() -> {
            killCurrent();
            setState(ServiceState.STARTING);
            launch();
        });
    }

    /**
     * Waits until the service is ready or has failed for good (its restarts spent), as long as its
     * starts make progress ({@link StartWatch}); true when it is ready.
     */
    @Override
    public boolean comingBack() {
        ServiceState now = state;
        return now == ServiceState.STARTING || now == ServiceState.RESTARTING;
    }

    public boolean awaitSettled() throws InterruptedException {
        while (state != ServiceState.READY && state != ServiceState.FAILED && state != ServiceState.STOPPED) {
            Thread.sleep(25);
        }
        return state == ServiceState.READY;
    }

    public boolean awaitState(ServiceState wanted, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (state != wanted) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(25);
        }
        return true;
    }

    private void launch() {
        if (stopping) {
            return;
        }
        if (config.attachUrl().isPresent()) {
            attach();
            return;
        }
        try {
            apiKey = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
            instanceId = UUID.randomUUID().toString();
            int port = portFree(config.preferredPort()) ? config.preferredPort() : 0;
            SidecarProcess started = SidecarProcess.start(command(port), environment());
            process = started;
            CompletableFuture<Void> unused = started.onExit().thenRun(() -> scheduler.execute(() -> exited(started)));
            // Waits as long as the service makes progress: minutes on a busy machine, seconds on an idle one.
            StartWatch watch = new StartWatch(started::cpuTime, Instant::now);
            int boundPort = awaitPort(started, watch);
            baseUri = URI.create("http://127.0.0.1:" + boundPort);
            awaitHealthy(watch);
            failedChecks = 0;
            readySince = Instant.now();
            setState(ServiceState.READY);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                return;
            }
            crashed("start failed: " + rootMessage(e));
        }
    }

    private void attach() {
        baseUri = config.attachUrl().orElseThrow();
        apiKey = config.attachKey();
        instanceId = "";
        try {
            awaitHealthy(StartWatch.fixed());
            setState(ServiceState.READY);
        } catch (Exception e) {
            lastError = "the service at " + baseUri + " does not answer: " + rootMessage(e);
            setState(ServiceState.FAILED);
        }
    }

    private List<String> command(int port) {
        // --nice 5: reading tickets yields to the window and to what else the person runs, but not
        // so far that a ticket misses the client's 30 s timeout. Measured with both cores kept busy
        // by two nice-0 processes: at nice 10 a worker got a tenth of a core, a scan took about
        // 30 s, and the client's retries re-sent each scan four times without one answer taken;
        // at nice 5 it gets a quarter (weights 335 against 1024).
        List<String> command = new java.util.ArrayList<>(config.serviceLauncher());
        command.addAll(List.of("--bind", "127.0.0.1:" + port, "--exit-on-stdin-eof", "--nice", "5"));
        return command;
    }

    private Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("INTELLIGENCE_API_KEY", apiKey);
        env.put("INTELLIGENCE_INSTANCE_ID", instanceId);
        env.put("PYTHONPATH", config.serviceDir().resolve("src").toString());
        env.put("INTELLIGENCE_WORKERS", Integer.toString(config.spawnedWorkers()));
        return env;
    }

    private static int awaitPort(SidecarProcess started, StartWatch watch) throws Exception {
        while (true) {
            try {
                return started.readyPort().get(HEALTH_POLL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                Optional<String> reason = watch.givenUp();
                if (reason.isPresent()) {
                    throw new IllegalStateException(reason.get() + " (no READY line)");
                }
            }
        }
    }

    private void awaitHealthy(StartWatch watch) throws InterruptedException {
        while (true) {
            if (healthy()) {
                return;
            }
            Optional<String> reason = watch.givenUp();
            if (reason.isPresent()) {
                throw new IllegalStateException(reason.get());
            }
            Thread.sleep(HEALTH_POLL.toMillis());
        }
    }

    /** True when /health answers 200 with this launch's instance id (any id when attached). */
    private boolean healthy() {
        try {
            HttpRequest request = HttpRequest.newBuilder(baseUri.resolve("/health"))
                    .timeout(Duration.ofSeconds(2))
                    .GET()
                    .build(); // no key: /health needs none, and a foreign server must never get it
            HttpResponse<String> response = probe.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return false;
            }
            JsonNode body = json.readTree(response.body());
            return instanceId.isEmpty()
                    ? "ok".equals(body.path("status").asText())
                    : instanceId.equals(body.path("instance_id").asText());
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void checkLiveness() {
        if (state != ServiceState.READY || stopping || config.attachUrl().isPresent()) {
            return;
        }
        failedChecks = healthy() ? 0 : failedChecks + 1;
        if (failedChecks >= FAILED_CHECKS_TO_RESTART) {
            killCurrent(); // hung: its exit then counts as a crash
        }
    }

    private void exited(SidecarProcess which) {
        if (which == process && !stopping) {
            crashed("the service exited");
        }
    }

    private void crashed(String reason) {
        if (stopping || (state == ServiceState.FAILED && process == null)) {
            return;
        }
        lastError = reason;
        SidecarProcess dead = process;
        if (dead != null) {
            dead.stop(Duration.ZERO);
            // Read after the stop: a child that dies at start exits before its pipe is drained.
            lastLogLines = dead.lastLogLinesAfterExit(40, LAST_WORDS_WAIT);
            process = null;
        }
        policy.healthyFor(Duration.between(readySince, Instant.now()));
        LOG.warning("intelligence service crashed: " + reason);
        if (!policy.crashed(Instant.now())) {
            setState(ServiceState.FAILED);
            return;
        }
        setState(ServiceState.RESTARTING);
        ScheduledFuture<?> unused =
                scheduler.schedule(this::launch, policy.nextDelay().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void killCurrent() {
        SidecarProcess current = process;
        if (current != null) {
            current.stop(Duration.ofMillis(200));
        }
    }

    /** Stop for good: from Application.stop(), close(), or the JVM's shutdown hook. */
    public void stopNow() {
        stopping = true;
        SidecarProcess current = process;
        if (current != null) {
            current.stop(STOP_GRACE);
        }
        process = null;
        setState(ServiceState.STOPPED);
    }

    @Override
    public void close() {
        stopNow();
        scheduler.shutdownNow();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run
        }
    }

    private void setState(ServiceState next) {
        if (next != state) {
            LOG.info("service " + next);
        }
        state = next;
        for (Consumer<ServiceState> listener : new ArrayList<>(listeners)) {
            listener.accept(next);
        }
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }

    static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }
}

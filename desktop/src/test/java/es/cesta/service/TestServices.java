package es.cesta.service;

import es.cesta.config.AppConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The real service of this checkout, as the tests start it. */
public final class TestServices {

    public static final Path SERVICE_DIR = Path.of(System.getProperty("cesta.serviceDir", "../ocr-service"))
            .toAbsolutePath()
            .normalize();
    public static final Path ES_DEV =
            SERVICE_DIR.resolve("../../shared/receipts/es-dev").normalize();

    /**
     * How long a test waits for the service to start, restart or read tickets. Generous on purpose:
     * the service runs at nice 5, so on a machine whose cores are all busy (CI, a person's laptop
     * during a build) it gets a small share of the CPU. Waits end as soon as the awaited event
     * happens, so an idle machine is not slowed; only a hang waits this long.
     */
    public static final Duration SERVICE_BOUND = Duration.ofMinutes(5);

    public static final long SERVICE_BOUND_S = SERVICE_BOUND.toSeconds();

    private TestServices() {}

    public static AppConfig config() {
        AppConfig config = AppConfig.load(SERVICE_DIR, Map.of(), null).withWorkers(2);
        if (!Files.isExecutable(config.python())) {
            throw new IllegalStateException("no service virtualenv at " + config.python() + ": run ./cesta setup");
        }
        return config;
    }

    public static RestartPolicy fastPolicy() {
        return new RestartPolicy(
                Duration.ofMillis(20), Duration.ofMillis(200), 5, Duration.ofMinutes(3), Duration.ofSeconds(10));
    }

    /** The service's processes: the master and every descendant (Gunicorn workers). */
    public static List<ProcessHandle> tree(long pid) {
        return ProcessHandle.of(pid)
                .map(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants())
                        .toList())
                .orElse(List.of());
    }

    public static boolean allGoneWithin(List<ProcessHandle> processes, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (processes.stream().noneMatch(ProcessHandle::isAlive)) {
                return true;
            }
            Thread.sleep(50);
        }
        return processes.stream().noneMatch(ProcessHandle::isAlive);
    }
}

package es.cesta.config;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the intelligence service lives and how to reach it. Later sources win:
 * defaults, then a {@code .env} file, then the process environment.
 *
 * @param serviceDir    the {@code ocr-service} folder (its {@code src} goes on PYTHONPATH)
 * @param python        the interpreter that runs {@code python -m ocr_service}
 * @param attachUrl     an already running service to use instead of spawning one (development mode)
 * @param attachKey     the key of that service
 * @param preferredPort the port tried first; another free one when it is taken
 * @param workers       the spawned service's worker processes (INTELLIGENCE_WORKERS); 0 for
 *                      {@link #desktopWorkers(int)}
 * @param serviceExecutable the frozen service of an installed Cesta (system property
 *                      {@code cesta.serviceExecutable}, set by jpackage.cfg); empty: python + serviceDir
 */
public record AppConfig(
        Path serviceDir,
        Path python,
        Optional<URI> attachUrl,
        String attachKey,
        int preferredPort,
        int workers,
        Optional<Path> serviceExecutable) {

    public static final int DEFAULT_PORT = 9000;

    public static AppConfig load(Path serviceDir, Map<String, String> environment, Path dotEnv) {
        Map<String, String> values = new HashMap<>(readDotEnv(dotEnv));
        values.putAll(environment);
        Path python = Optional.ofNullable(values.get("CESTA_PYTHON"))
                .map(Path::of)
                .orElse(serviceDir.resolve(".venv/bin/python"));
        // INTELLIGENCE_SERVICE_URL means "attach to this service"; without it the app spawns its own.
        Optional<URI> attach = Optional.ofNullable(values.get("INTELLIGENCE_SERVICE_URL"))
                .filter(s -> !s.isBlank())
                .map(URI::create);
        int workers = Integer.parseInt(values.getOrDefault("INTELLIGENCE_WORKERS", "0"));
        Optional<Path> frozen = Optional.ofNullable(System.getProperty("cesta.serviceExecutable"))
                .or(() -> Optional.ofNullable(values.get("CESTA_SERVICE_EXECUTABLE")))
                .filter(s -> !s.isBlank())
                .map(Path::of);
        return new AppConfig(
                serviceDir,
                python,
                attach,
                values.getOrDefault("INTELLIGENCE_API_KEY", ""),
                DEFAULT_PORT,
                workers,
                frozen);
    }

    /** The start of the service's command line: the frozen executable, or {@code python -m ocr_service}. */
    public java.util.List<String> serviceLauncher() {
        return serviceExecutable
                .map(exe -> java.util.List.of(exe.toString()))
                .orElseGet(() -> java.util.List.of(python.toString(), "-m", "ocr_service"));
    }

    public AppConfig withPython(Path otherPython) {
        return new AppConfig(serviceDir, otherPython, attachUrl, attachKey, preferredPort, workers, Optional.empty());
    }

    /**
     * The workers of the service the desktop spawns when nothing overrides them: one per core, at
     * least 2 (one ticket read while the next is admitted). The service's own default, for server
     * use ({@code ./cesta service}), is 2 x cores + 1; on a desktop that many idle workers cost
     * memory for no throughput (measured: the same tickets per minute with cores workers, at half
     * the memory).
     */
    public static int desktopWorkers(int cores) {
        return Math.max(2, cores);
    }

    /** The worker count to ask of a spawned service. */
    public int spawnedWorkers() {
        return workers > 0 ? workers : desktopWorkers(Runtime.getRuntime().availableProcessors());
    }

    public AppConfig withPreferredPort(int port) {
        return new AppConfig(serviceDir, python, attachUrl, attachKey, port, workers, serviceExecutable);
    }

    public AppConfig withWorkers(int count) {
        return new AppConfig(serviceDir, python, attachUrl, attachKey, preferredPort, count, serviceExecutable);
    }

    static Map<String, String> readDotEnv(Path file) {
        Map<String, String> values = new HashMap<>();
        if (file == null || !Files.isReadable(file)) {
            return values;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.strip();
                int equals = trimmed.indexOf('=');
                if (trimmed.isEmpty() || trimmed.startsWith("#") || equals < 1) {
                    continue;
                }
                String value = trimmed.substring(equals + 1).strip();
                if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\""))) {
                    value = value.substring(1, value.length() - 1);
                }
                values.put(trimmed.substring(0, equals).strip(), value);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return values;
    }
}

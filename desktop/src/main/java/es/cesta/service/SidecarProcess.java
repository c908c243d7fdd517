package es.cesta.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of the service as a child process: started with its secret in the environment (never
 * on the command line), its stdin kept open as a lifeline, both pipes drained line by line into
 * the app log, the {@code READY port=<n>} line turned into a future, and a stop that goes from
 * polite to forceful over the whole process tree.
 */
public final class SidecarProcess {

    private static final Logger LOG = Logger.getLogger("cesta.service");
    private static final Pattern READY = Pattern.compile("^READY port=(\\d+)$");
    private static final int KEPT_LOG_LINES = 200;

    private final Process process;
    private final CompletableFuture<Integer> readyPort = new CompletableFuture<>();
    private final Deque<String> lastLines = new ArrayDeque<>();
    private final List<Thread> drains = new java.util.concurrent.CopyOnWriteArrayList<>();

    private SidecarProcess(Process process) {
        this.process = process;
        drain(process.getInputStream(), "stdout", true);
        drain(process.getErrorStream(), "stderr", false);
        CompletableFuture<Void> unused = process.onExit()
                .thenRun(() -> readyPort.completeExceptionally(new IllegalStateException(
                        "the service exited with code " + process.exitValue() + " before READY")));
    }

    public static SidecarProcess start(List<String> command, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);
        try {
            return new SidecarProcess(builder.start());
        } catch (IOException e) {
            // The JDK says "error=2, No such file or directory" without naming the file.
            throw new IOException("cannot run " + command.get(0) + ": " + e.getMessage());
        }
    }

    private void drain(InputStream stream, String name, boolean watchReady) {
        Thread thread = new Thread(
                () -> {
                    try (BufferedReader reader =
                            new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = reader.readLine()) != null) {
                            remember(line);
                            LOG.log(Level.INFO, "[service {0}] {1}", new Object[] {name, line});
                            Matcher ready = READY.matcher(line);
                            if (watchReady && ready.matches()) {
                                readyPort.complete(Integer.parseInt(ready.group(1)));
                            }
                        }
                    } catch (IOException closed) {
                        // the process is gone; its exit is handled by onExit
                    }
                },
                "service-" + name + "-drain");
        thread.setDaemon(true);
        drains.add(thread);
        thread.start();
    }

    private synchronized void remember(String line) {
        lastLines.addLast(line);
        while (lastLines.size() > KEPT_LOG_LINES) {
            lastLines.removeFirst();
        }
    }

    /**
     * The last lines once the pipes are read to their end, waiting at most {@code wait} for it: a
     * process that died at once may exit before its last words (why it died) are read.
     */
    public List<String> lastLogLinesAfterExit(int count, Duration wait) {
        long until = System.nanoTime() + wait.toNanos();
        for (Thread drain : drains) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                drain.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return lastLogLines(count);
    }

    public synchronized List<String> lastLogLines(int count) {
        List<String> all = new ArrayList<>(lastLines);
        return all.subList(Math.max(0, all.size() - count), all.size());
    }

    public CompletableFuture<Integer> readyPort() {
        return readyPort;
    }

    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** CPU time spent so far by the service's processes (master and workers); zero where the platform does not tell. */
    public Duration cpuTime() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(process.toHandle()), process.descendants())
                .map(handle -> handle.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    /** Close stdin (the service's own signal to leave), then SIGTERM, then kill the whole tree. */
    public void stop(Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList()); // taken before the master goes
        try {
            process.getOutputStream().close();
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroy();
                if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
        }
        tree.addAll(process.descendants().toList());
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}

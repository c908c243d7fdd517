package es.cesta.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to restart a crashed service, in the spirit of VS Code's language client: exponential
 * backoff with jitter, a start that stays healthy for a while resets the count, and too many
 * crashes in a window give up (FAILED) instead of looping.
 */
public final class RestartPolicy {

    private final Duration firstDelay;
    private final Duration maxDelay;
    private final int maxCrashes;
    private final Duration window;
    private final Duration healthyReset;
    private final Deque<Instant> crashes = new ArrayDeque<>();
    private int consecutive;

    public RestartPolicy(
            Duration firstDelay, Duration maxDelay, int maxCrashes, Duration window, Duration healthyReset) {
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.maxCrashes = maxCrashes;
        this.window = window;
        this.healthyReset = healthyReset;
    }

    /** 5 crashes in 3 minutes -> FAILED; 10 s healthy resets the backoff (docs/architecture.md, Processes). */
    public static RestartPolicy standard() {
        return new RestartPolicy(
                Duration.ofMillis(500), Duration.ofSeconds(15), 5, Duration.ofMinutes(3), Duration.ofSeconds(10));
    }

    /** Records a crash; false when the budget is spent and the service should be left FAILED. */
    public synchronized boolean crashed(Instant now) {
        crashes.addLast(now);
        while (!crashes.isEmpty() && crashes.peekFirst().isBefore(now.minus(window))) {
            crashes.removeFirst();
        }
        consecutive++;
        return crashes.size() < maxCrashes;
    }

    public synchronized Duration nextDelay() {
        long base = firstDelay.toMillis() << Math.min(consecutive - 1, 16);
        long capped = Math.min(Math.max(base, firstDelay.toMillis()), maxDelay.toMillis());
        // Jitter in [50%, 100%] so that several apps on one machine do not restart in lock step.
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return Duration.ofMillis(jittered);
    }

    public synchronized void healthyFor(Duration uptime) {
        if (uptime.compareTo(healthyReset) >= 0) {
            consecutive = 0;
        }
    }

    public synchronized void reset() {
        crashes.clear();
        consecutive = 0;
    }
}

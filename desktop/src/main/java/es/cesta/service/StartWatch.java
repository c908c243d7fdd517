package es.cesta.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Whether a starting service still deserves waiting for. Not a fixed time: the service runs at
 * nice 5, so on a machine whose cores are busy with other work it gets a small share of the CPU
 * and takes minutes to load what it loads in seconds on an idle one. It is given up on when it
 * stops making progress instead:
 *
 * <ul>
 *   <li>its processes spent no CPU time for {@link #STALL} (hung, or waiting on something that
 *       never comes): the one limit an idle machine ever meets, so a hang is told as soon as before;
 *   <li>it spent {@link #CPU_BUDGET} of CPU time without answering (busy in a loop: a start takes
 *       a few seconds of CPU per worker);
 *   <li>{@link #WALL_LIMIT} passed in all, whatever it did.
 * </ul>
 *
 * Where the platform does not tell a process's CPU time, the time spent reads as zero and the
 * watch is the plain {@link #STALL} deadline.
 */
final class StartWatch {

    static final Duration STALL = Duration.ofSeconds(30);
    static final Duration CPU_BUDGET = Duration.ofMinutes(2);
    static final Duration WALL_LIMIT = Duration.ofMinutes(10);

    private final Supplier<Duration> cpuTime;
    private final Supplier<Instant> clock;
    private final Instant started;
    private final Duration cpuAtStart;
    private Duration lastCpu;
    private Instant lastProgress;

    StartWatch(Supplier<Duration> cpuTime, Supplier<Instant> clock) {
        this.cpuTime = cpuTime;
        this.clock = clock;
        this.started = clock.get();
        this.cpuAtStart = cpuTime.get();
        this.lastCpu = cpuAtStart;
        this.lastProgress = started;
    }

    /** A watch with no CPU time to follow: the plain {@link #STALL} deadline. */
    static StartWatch fixed() {
        return new StartWatch(() -> Duration.ZERO, Instant::now);
    }

    /** Empty while the start deserves more time; else why it does not, for the person and the log. */
    Optional<String> givenUp() {
        Instant now = clock.get();
        Duration cpu = cpuTime.get();
        if (cpu.compareTo(lastCpu) > 0) {
            lastCpu = cpu;
            lastProgress = now;
        }
        if (Duration.between(lastProgress, now).compareTo(STALL) >= 0) {
            return Optional.of("no progress and no healthy /health from our instance for " + STALL.toSeconds() + " s");
        }
        if (cpu.minus(cpuAtStart).compareTo(CPU_BUDGET) >= 0) {
            return Optional.of("no healthy /health after " + CPU_BUDGET.toSeconds() + " s of CPU time");
        }
        if (Duration.between(started, now).compareTo(WALL_LIMIT) >= 0) {
            return Optional.of("no healthy /health within " + WALL_LIMIT.toMinutes() + " minutes");
        }
        return Optional.empty();
    }
}

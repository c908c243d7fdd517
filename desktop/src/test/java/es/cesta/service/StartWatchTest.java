package es.cesta.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The start of a service on a busy machine, with the clock and its CPU time played by the test. */
class StartWatchTest {

    private Instant now = Instant.parse("2026-12-02T08:00:00Z");
    private Duration cpu = Duration.ofMillis(300);

    private StartWatch watch() {
        return new StartWatch(() -> cpu, () -> now);
    }

    private void pass(Duration wall, Duration cpuSpent) {
        now = now.plus(wall);
        cpu = cpu.plus(cpuSpent);
    }

    @Test
    void aServiceThatKeepsWorkingIsWaitedForLongAfterAnIdleMachinesDeadline() {
        StartWatch watch = watch();
        for (int second = 0; second < 180; second += 5) { // a tenth of a core: 0.5 s of CPU every 5 s
            pass(Duration.ofSeconds(5), Duration.ofMillis(500));
            assertEquals(Optional.empty(), watch.givenUp(), "after " + second + " s");
        }
    }

    @Test
    void aServiceThatSpendsNoCpuIsGivenUpAfterTheStallTime() {
        StartWatch watch = watch();
        pass(Duration.ofSeconds(5), Duration.ofSeconds(2));
        assertEquals(Optional.empty(), watch.givenUp());
        pass(StartWatch.STALL.minusSeconds(1), Duration.ZERO);
        assertEquals(Optional.empty(), watch.givenUp());
        pass(Duration.ofSeconds(1), Duration.ZERO);
        assertTrue(watch.givenUp().orElseThrow().contains("no progress"));
    }

    @Test
    void aServiceBusyInALoopIsGivenUpAfterItsCpuBudget() {
        StartWatch watch = watch();
        for (int i = 0; i < 59; i++) { // two cores flat out: 2 s of CPU a second
            pass(Duration.ofSeconds(1), Duration.ofSeconds(2));
            assertEquals(Optional.empty(), watch.givenUp());
        }
        pass(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertTrue(watch.givenUp().orElseThrow().contains("of CPU time"));
    }

    @Test
    void noStartIsWaitedForLongerThanTheWallLimit() {
        StartWatch watch = watch();
        Duration step = Duration.ofSeconds(20);
        for (Duration waited = Duration.ZERO; waited.compareTo(StartWatch.WALL_LIMIT) < 0; waited = waited.plus(step)) {
            assertEquals(Optional.empty(), watch.givenUp());
            pass(step, Duration.ofMillis(100));
        }
        assertTrue(watch.givenUp().orElseThrow().contains("minutes"));
    }

    @Test
    void whereTheCpuTimeIsNotToldTheWatchIsThePlainDeadline() {
        cpu = Duration.ZERO;
        StartWatch watch = new StartWatch(() -> Duration.ZERO, () -> now);
        pass(StartWatch.STALL.minusMillis(1), Duration.ZERO);
        assertEquals(Optional.empty(), watch.givenUp());
        pass(Duration.ofMillis(1), Duration.ZERO);
        assertTrue(watch.givenUp().isPresent());
    }
}

package es.cesta.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.cesta.service.TestServices;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two Cesta processes (the window and the CLI) or two threads on one library at the same moment. */
class LibraryConcurrencyTest {

    private static final Path TICKET = TestServices.ES_DEV.resolve("mercadona-2023-11-25-d5cb91a5.pdf");
    private static final int ROUNDS = 4;

    @Test
    void twoProcessesOpeningANewLibraryAtOnceBothWork(@TempDir Path root) throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Path library = root.resolve("library-" + round);
            List<String> outputs = runTogether(List.of(library.toString()), List.of(library.toString()));
            assertEquals(List.of("opened 0", "opened 0"), outputs, "round " + round);
        }
    }

    @Test
    void theSameFileImportedByTwoProcessesAtOnceIsOneTicketAndOneDuplicate(@TempDir Path root) throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Path library = root.resolve("library-" + round);
            List<String> args = List.of(library.toString(), TICKET.toString());
            List<String> outputs = new ArrayList<>(runTogether(args, args));
            outputs.sort(null);
            assertEquals(List.of("duplicate", "new"), outputs, "round " + round);
            assertOneTicketAndOneFile(library);
        }
    }

    @Test
    void theSameFileRegisteredByTwoThreadsAtOnceIsOneTicketAndOneDuplicate(@TempDir Path root) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                Path library = root.resolve("library-" + round);
                try (TicketStore window = TicketStore.open(library);
                        TicketStore cli = TicketStore.open(library)) {
                    CountDownLatch start = new CountDownLatch(1);
                    Callable<Boolean> byWindow = () -> {
                        start.await();
                        return window.register(TICKET).duplicate();
                    };
                    Callable<Boolean> byCli = () -> {
                        start.await();
                        return cli.register(TICKET).duplicate();
                    };
                    Future<Boolean> first = pool.submit(byWindow);
                    Future<Boolean> second = pool.submit(byCli);
                    start.countDown();
                    assertTrue(first.get(30, TimeUnit.SECONDS) ^ second.get(30, TimeUnit.SECONDS), "round " + round);
                }
                assertOneTicketAndOneFile(library);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertOneTicketAndOneFile(Path library) throws IOException {
        try (TicketStore store = TicketStore.open(library);
                Stream<Path> files = Files.list(library.resolve("files"))) {
            assertEquals(1, store.all().size());
            assertEquals(
                    List.of(TicketStore.sha256(TICKET) + ".pdf"),
                    files.map(f -> f.getFileName().toString()).toList());
        }
    }

    /** Both processes started before either is waited for; their outputs in start order. */
    private static List<String> runTogether(List<String> firstArgs, List<String> secondArgs) throws Exception {
        Process first = start(firstArgs);
        Process second = start(secondArgs);
        return List.of(outputOf(first), outputOf(second));
    }

    private static Process start(List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LibraryProcess.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String outputOf(Process process) throws Exception {
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the second process hung");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}

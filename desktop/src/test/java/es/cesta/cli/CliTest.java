package es.cesta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.cesta.service.TestServices;
import es.cesta.tickets.TicketStore;
import es.cesta.tickets.TicketStoreTestSupport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Path home, String... args) {
        out.reset();
        err.reset();
        return new Cli(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        home,
                        TestServices.config())
                .run(args);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void importsTheWholeDevFolderThenReportsEveryTicketAsDuplicate(@TempDir Path home) throws Exception {
        String folder = TestServices.ES_DEV.toString();
        assertEquals(0, run(home, "import", folder), err.toString(StandardCharsets.UTF_8));
        assertTrue(
                output().matches("(?s).*imported\\s+89\\n.*failed\\s+0\\n.*skipped \\(not tickets\\)\\s+89\\n.*"),
                output());

        assertEquals(0, run(home, "import", folder));
        assertTrue(output().matches("(?s).*imported\\s+0\\n.*duplicates\\s+89\\n.*failed\\s+0\\n.*"), output());

        assertEquals(0, run(home, "list"));
        assertTrue(output().contains("MERCADONA") && output().contains("37.76"), output());
        assertEquals(90, output().lines().count(), "a header and the 89 tickets");

        Path csv = home.resolve("tickets.csv");
        assertEquals(0, run(home, "export", "--csv", csv.toString()));
        assertEquals(90, Files.readAllLines(csv).size());
        long items = Files.readAllLines(home.resolve("tickets-items.csv")).size();
        assertTrue(items > 1000, "items of 89 tickets: " + items);
        Path spanish = home.resolve("tickets-es.csv");
        assertEquals(0, run(home, "export", "--csv", spanish.toString(), "--csv-dialect", "es"));
        assertTrue(
                Files.readString(spanish).startsWith("\uFEFFid;file;date;"),
                Files.readAllLines(spanish).get(0));
        assertTrue(Files.readString(spanish).contains(";37,76;"));
        assertEquals(2, run(home, "export", "--csv", spanish.toString(), "--csv-dialect", "fr"));

        assertEquals(0, run(home, "predict"));
        assertTrue(output().contains("MERCADONA"), output());

        assertEquals(0, run(home, "list-due", "--k", "8"), err.toString(StandardCharsets.UTF_8));
        List<String> listed = output().lines().filter(l -> l.startsWith("  ")).toList();
        assertEquals(8, listed.size(), output());
        assertTrue(
                output().lines()
                        .findFirst()
                        .orElseThrow()
                        .matches("from \\d+ tickets \\(rhythm-v1\\): 8 of \\d+ products"),
                output());
        assertTrue(
                listed.stream().allMatch(l -> l.matches(".*\\d+%  every \\d+ days, last \\d{4}-\\d\\d-\\d\\d, .*")),
                "the products bought most are habits with a rhythm: " + output());
        assertTrue(
                output().lines().anyMatch(l -> l.equals("Panadería y pastelería")), "grouped by category: " + output());
        assertEquals(2, run(home, "list-due", "--k", "0"));
    }

    @Test
    void showPrintsEachLineWithItsCategory(@TempDir Path home) throws Exception {
        Path ticket = TestServices.ES_DEV.resolve("mercadona-2024-04-23-02765512.pdf");
        assertEquals(0, run(home, "import", ticket.toString()), err.toString(StandardCharsets.UTF_8));
        String id;
        try (es.cesta.tickets.TicketStore store = es.cesta.tickets.TicketStore.open(home)) {
            id = store.all().get(0).id().toString();
        }
        assertEquals(0, run(home, "show", id.substring(0, 8)), err.toString(StandardCharsets.UTF_8));
        java.util.List<String> lines =
                output().lines().filter(line -> line.startsWith("  ")).toList();
        assertEquals(5, lines.size(), output());
        assertTrue(
                lines.stream()
                        .allMatch(line -> java.util.Arrays.stream(es.cesta.tickets.Category.values())
                                .anyMatch(c -> line.endsWith(" " + c.key()))),
                output());
        assertTrue(output().contains("CANÓNIGOS") && output().contains("Fruta y verdura"), output());
    }

    @Test
    void backupThenRestoreBringsTheLibraryBackAndKeepsTheOneItReplaced(@TempDir Path home) throws Exception {
        Path ticket = TestServices.ES_DEV.resolve("mercadona-2023-11-25-d5cb91a5.pdf");
        assertEquals(0, run(home, "import", ticket.toString()), err.toString(StandardCharsets.UTF_8));
        assertEquals(0, run(home, "backup"));
        Path backup = Path.of(output().strip().replace("backed up to ", ""));
        assertTrue(Files.isRegularFile(backup) && backup.startsWith(home.resolve("backups")), output());

        Files.delete(home.resolve("cesta.db")); // the library lost
        assertEquals(0, run(home, "list"));
        assertEquals(1, output().lines().count(), "a new, empty library: " + output());

        assertEquals(0, run(home, "restore", backup.toString()), err.toString(StandardCharsets.UTF_8));
        assertTrue(output().contains("kept as"), output());
        assertEquals(0, run(home, "list"));
        assertTrue(output().contains("MERCADONA") && output().contains("37.76"), output());

        assertEquals(1, run(home, "restore", ticket.toString()), "a PDF is not a library");
        assertTrue(
                err.toString(StandardCharsets.UTF_8).contains("not a Cesta library"),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(2, run(home, "restore"));
    }

    @Test
    void usageErrorsExitWith2AndSayWhatIsWrong() {
        assertEquals(2, run(Path.of("/nonexistent"), "frobnicate"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Unmatched argument"), errors());
        assertEquals(2, run(Path.of("/nonexistent"), "import"));
        assertTrue(errors().contains("Missing required parameter: 'FILE|DIR'"), errors());
        assertTrue(errors().contains("Usage: cesta import"), errors());
        assertEquals(2, run(Path.of("/nonexistent"), "export", "tickets.csv"));
        assertTrue(errors().contains("--csv"), errors());
        assertEquals(2, run(Path.of("/nonexistent")), "no command is a usage error");
    }

    @Test
    void helpExitsWith0AndNamesEveryCommand() {
        assertEquals(0, run(Path.of("/nonexistent"), "help"));
        for (String command : List.of("import", "list", "show", "export", "predict", "backup", "restore")) {
            assertTrue(output().contains("\n  " + command + " "), command + " in\n" + output());
            assertTrue(Cli.isCommand(command), command);
        }
        assertEquals(0, run(Path.of("/nonexistent"), "--help"));
        assertTrue(output().contains("Exit codes:"), output());
        assertEquals(0, run(Path.of("/nonexistent"), "help", "export"));
        assertTrue(output().contains("--csv=FILE"), output());
        assertTrue(Cli.isCommand("--version") && !Cli.isCommand("ticket.pdf"));
    }

    @Test
    void aResumedImportOfTheSameFileCountsOnce(@TempDir Path home) throws Exception {
        Path ticket = TestServices.ES_DEV.resolve("mercadona-2023-11-25-d5cb91a5.pdf");
        try (TicketStore store = TicketStore.open(home)) {
            store.register(ticket); // an import killed before the service read it: left queued
        }
        assertEquals(0, run(home, "import", ticket.toString()), errors());
        assertTrue(output().matches("(?s).*imported\\s+1\\n.*duplicates\\s+0\\n.*"), output());
    }

    @Test
    void showSaysDashForWhatTheTicketDidNotShow(@TempDir Path home, @TempDir Path inbox) throws Exception {
        String id;
        try (TicketStore store = TicketStore.open(home)) {
            UUID ticket = store.register(Files.writeString(inbox.resolve("t.pdf"), "%PDF-1.4 t"))
                    .ticketId();
            store.markDone(ticket, TicketStoreTestSupport.reading(ticket, "BAR PACO", BigDecimal.TEN)); // no tax id
            id = ticket.toString();
        }
        assertEquals(0, run(home, "show", id), errors());
        assertTrue(output().contains("shop:     BAR PACO (-)"), output());
        assertFalse(output().contains("null"), output());
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aNamedFileThatIsNotATicketFailsWithExit1(@TempDir Path home, @TempDir Path inbox) throws Exception {
        Path notes = Files.writeString(inbox.resolve("notes.txt"), "hello");
        assertEquals(1, run(home, "import", notes.toString()));
        assertTrue(output().contains("FAILED: not a PDF, JPEG or PNG ticket"), output());
    }
}

package es.cesta.cli;

import es.cesta.Launcher;
import es.cesta.client.IntelligenceClient;
import es.cesta.client.NextBasket;
import es.cesta.client.NextShop;
import es.cesta.config.AppConfig;
import es.cesta.logging.AppLog;
import es.cesta.service.RestartPolicy;
import es.cesta.service.ServiceSupervisor;
import es.cesta.tickets.AppDataDir;
import es.cesta.tickets.BasketHistory;
import es.cesta.tickets.CsvDialect;
import es.cesta.tickets.CsvExport;
import es.cesta.tickets.ImportQueue;
import es.cesta.tickets.ImportState;
import es.cesta.tickets.LibraryBackups;
import es.cesta.tickets.PurchaseHistory;
import es.cesta.tickets.SpendingQueries;
import es.cesta.tickets.StoreException;
import es.cesta.tickets.Ticket;
import es.cesta.tickets.TicketStore;
import es.cesta.ui.Settings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Headless commands on the same library as the window: import, list, show, export, predict,
 * backup, restore. picocli parses them and writes the help; exit codes: 0 all good, 1 some files
 * or the library failed, 2 usage error.
 */
@Command(
        name = "cesta",
        mixinStandardHelpOptions = true,
        versionProvider = Cli.Version.class,
        subcommands = CommandLine.HelpCommand.class,
        description = "Cesta's ticket library from the terminal (the same library as the window).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:all good", "1:some files failed, or the library or the service did", "2:usage error"})
public final class Cli implements Callable<Integer> {

    private final PrintStream out;
    private final PrintStream err;
    private final Path dataDir;
    private final AppConfig config;

    @Spec
    private CommandSpec spec;

    public Cli(PrintStream out, PrintStream err, Path dataDir, AppConfig config) {
        this.out = out;
        this.err = err;
        this.dataDir = dataDir;
        this.config = config;
    }

    /** Whether {@code word} starts a terminal command; anything else (a file name) is for the window. */
    public static boolean isCommand(String word) {
        CommandLine line = new CommandLine(new Cli(System.out, System.err, Path.of("."), null));
        return line.getSubcommands().containsKey(word)
                || line.getCommandSpec().optionsMap().containsKey(word);
    }

    public static void main(String[] args) {
        Path serviceDir =
                Path.of(System.getProperty("cesta.serviceDir", "ocr-service")).toAbsolutePath();
        AppConfig config = AppConfig.load(serviceDir, System.getenv(), Path.of(".env"));
        Path dataDir = AppDataDir.current();
        AppLog.install(dataDir);
        System.exit(new Cli(System.out, System.err, dataDir, config).run(args));
    }

    public int run(String... args) {
        CommandLine line = new CommandLine(this)
                .setCaseInsensitiveEnumValuesAllowed(true) // --csv-dialect es, as well as ES
                .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
                .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
                .setExecutionExceptionHandler((e, command, parsed) -> {
                    if (e instanceof StoreException) {
                        err.println("cesta: " + e.getMessage());
                        return 1;
                    }
                    throw e;
                });
        return line.execute(args);
    }

    /** No command: the help, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(err);
        return 2;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"cesta " + Launcher.version()};
        }
    }

    @Command(name = "import", description = "Import tickets (PDF, JPEG, PNG; folders recursively).")
    int importFiles(@Parameters(arity = "1..*", paramLabel = "FILE|DIR") List<Path> paths) {
        for (Path path : paths) {
            if (!Files.exists(path)) {
                err.println("cesta: no such file or folder: " + path);
                return 2;
            }
        }
        try (TicketStore store = TicketStore.open(dataDir);
                ServiceSupervisor service = startService()) {
            if (service == null) {
                return 1;
            }
            IntelligenceClient client = new IntelligenceClient(service);
            int workers = client.health().workers();
            List<ImportQueue.Event> results = new ArrayList<>();
            Set<UUID> resumed = new HashSet<>();
            try (ImportQueue queue = new ImportQueue(store, client, workers)) {
                List<CompletableFuture<ImportQueue.Event>> jobs = new ArrayList<>(queue.resumeUnfinished());
                int resumedJobs = jobs.size();
                jobs.addAll(queue.submit(paths));
                for (CompletableFuture<ImportQueue.Event> job : jobs) {
                    ImportQueue.Event event = job.join();
                    if (results.size() < resumedJobs && event.ticketId() != null) {
                        resumed.add(event.ticketId());
                    }
                    results.add(event);
                    out.printf(
                            "[%d/%d] %-40s %s%n",
                            results.size(), jobs.size(), event.file().getFileName(), label(event));
                }
            }
            return summary(results, paths, resumed);
        }
    }

    private ServiceSupervisor startService() {
        ServiceSupervisor service = new ServiceSupervisor(config, RestartPolicy.standard());
        service.start();
        try {
            // No fixed deadline: on a busy machine the service takes minutes to load, and the
            // supervisor gives up by itself when a start stops making progress.
            if (service.awaitSettled()) {
                return service;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        err.println("cesta: the intelligence service did not start: " + service.lastError());
        service.lastLogLines().forEach(line -> err.println("  " + line));
        service.close();
        return null;
    }

    private static String label(ImportQueue.Event event) {
        if (event.duplicate()) {
            return "duplicate (" + event.message() + ")";
        }
        return event.state() == ImportState.DONE ? "done: " + event.message() : "FAILED: " + event.message();
    }

    /**
     * Files found inside a folder that are not tickets are skipped; a named one that is not is a
     * failure. A file whose interrupted import was resumed in this run counts once, as imported,
     * not again as a duplicate of itself.
     */
    private int summary(List<ImportQueue.Event> results, List<Path> named, Set<UUID> resumed) {
        long done = results.stream()
                .filter(e -> e.state() == ImportState.DONE && !e.duplicate())
                .count();
        long duplicates = results.stream()
                .filter(e -> e.duplicate() && !resumed.contains(e.ticketId()))
                .count();
        long skipped = results.stream()
                .filter(e -> notATicket(e) && !named.contains(e.file()))
                .count();
        long failed =
                results.stream().filter(e -> e.state() == ImportState.FAILED).count() - skipped;
        out.println();
        out.printf("%-24s %6s%n", "result", "files");
        out.printf("%-24s %6d%n", "imported", done);
        out.printf("%-24s %6d%n", "duplicates", duplicates);
        out.printf("%-24s %6d%n", "failed", failed);
        out.printf("%-24s %6d%n", "skipped (not tickets)", skipped);
        return failed > 0 ? 1 : 0;
    }

    private static boolean notATicket(ImportQueue.Event event) {
        return event.state() == ImportState.FAILED
                && event.ticketId() == null
                && event.message().startsWith(ImportQueue.NOT_A_TICKET);
    }

    @Command(name = "list", description = "The tickets in the library, newest first.")
    int list() {
        try (TicketStore store = TicketStore.open(dataDir)) {
            out.printf(
                    "%-8s %-10s %-5s %-24s %9s %5s %-7s %s%n",
                    "id", "date", "time", "shop", "total", "items", "payment", "state");
            for (Ticket t : store.all()) {
                out.printf(
                        "%-8s %-10s %-5s %-24s %9s %5d %-7s %s%n",
                        t.id().toString().substring(0, 8),
                        Optional.ofNullable(t.date()).map(Object::toString).orElse("-"),
                        Optional.ofNullable(t.time()).orElse("-"),
                        truncate(t.shopName()),
                        Optional.ofNullable(t.total()).map(Object::toString).orElse("-"),
                        t.items(),
                        Optional.ofNullable(t.paymentMethod()).orElse("-"),
                        t.state().name().toLowerCase(Locale.ROOT) + (t.failure() != null ? ": " + t.failure() : ""));
            }
        }
        return 0;
    }

    @Command(name = "show", description = "One ticket with its lines and their categories.")
    int show(@Parameters(paramLabel = "ID", description = "a ticket's id or its first characters") String idPrefix) {
        try (TicketStore store = TicketStore.open(dataDir)) {
            List<Ticket> matches = store.all().stream()
                    .filter(t -> t.id().toString().startsWith(idPrefix))
                    .toList();
            if (matches.size() != 1) {
                err.println("cesta: " + (matches.isEmpty() ? "no ticket " : "several tickets start with ") + idPrefix);
                return 2;
            }
            Ticket t = matches.get(0);
            out.println("id:       " + t.id());
            out.println("file:     " + t.fileName() + " (" + t.storedFile() + ")");
            out.println("state:    " + t.state().name().toLowerCase(Locale.ROOT)
                    + (t.failure() != null ? " - " + t.failure() : ""));
            out.println("shop:     " + orDash(t.shopName()) + " (" + orDash(t.taxId()) + ")");
            out.println("date:     " + orDash(t.date()) + " " + orDash(t.time()));
            out.println(
                    "total:    " + orDash(t.total()) + " (" + orDash(t.paymentMethod()) + ", " + t.items() + " items)");
            for (TicketStore.ItemRow item : store.items(t.id())) {
                out.printf(
                        Locale.ROOT,
                        "  %-28s %9s  %s%s%n",
                        item.description(),
                        item.amount(),
                        item.category() == null ? "" : item.category(),
                        item.categoryByPerson() ? " (yours)" : "");
            }
        }
        return 0;
    }

    @Command(name = "export", description = "The tickets as CSV, and their items in NAME-items.csv beside it.")
    int export(
            @Option(names = "--csv", required = true, paramLabel = "FILE") Path csv,
            @Option(
                            names = "--csv-dialect",
                            paramLabel = "DIALECT",
                            description = "es (semicolons, decimal comma, UTF-8 with BOM, as Spanish Excel and"
                                    + " LibreOffice open it) or en (RFC 4180, decimal point); default: the"
                                    + " window's language")
                    CsvDialect dialect) {
        CsvDialect chosen =
                dialect != null ? dialect : CsvDialect.of(Settings.load(dataDir).language());
        Path itemsCsv;
        try (TicketStore store = TicketStore.open(dataDir)) {
            itemsCsv = CsvExport.write(store.all(), store, csv, chosen);
        } catch (IOException e) {
            err.println("cesta: cannot write " + csv + ": " + e.getMessage());
            return 1;
        }
        out.println("exported to " + csv + " and " + itemsCsv);
        return 0;
    }

    @Command(name = "backup", description = "A consistent copy of the library in its backups/ folder.")
    int backup() {
        try (TicketStore store = TicketStore.open(dataDir)) {
            out.println("backed up to " + store.backUp("manual"));
            return 0;
        } catch (IOException e) {
            err.println("cesta: " + e.getMessage());
            return 1;
        }
    }

    /** The library must not be open elsewhere (the window): the restore replaces its file. */
    @Command(
            name = "restore",
            description = "Put a backup in the library's place (the library it replaces is kept aside).")
    int restore(@Parameters(paramLabel = "FILE") Path backup) {
        if (!Files.isRegularFile(backup)) {
            err.println("cesta: no such backup: " + backup);
            return 2;
        }
        try {
            Optional<Path> aside = new LibraryBackups(dataDir).restore(backup, "replaced");
            out.println("restored " + backup.getFileName()
                    + aside.map(p -> "; the library it replaced is kept as " + p)
                            .orElse(""));
            return 0;
        } catch (IOException e) {
            err.println("cesta: cannot restore " + backup + ": " + e.getMessage());
            return 1;
        }
    }

    @Command(name = "predict", description = "Where and when the next shop is likely.")
    int predict() {
        List<Ticket> tickets;
        try (TicketStore store = TicketStore.open(dataDir)) {
            tickets = store.all();
        }
        try (ServiceSupervisor service = startService()) {
            if (service == null) {
                return 1;
            }
            NextShop.Response answer = new IntelligenceClient(service)
                    .predictNextShop(PurchaseHistory.askingAt(LocalDateTime.now(ZoneId.systemDefault()), tickets));
            out.printf(
                    "from %d tickets (%s, confidence %s)%n", answer.historySize(), answer.model(), answer.confidence());
            answer.predictions()
                    .forEach(p -> out.printf(
                            "  %-24s %3.0f%%  expected %s%n",
                            p.shop(), 100 * p.probability(), p.expectedVisit() != null ? p.expectedVisit() : "-"));
            out.printf("  %-24s %3.0f%%%n", "(a shop never visited)", 100 * answer.newShopProbability());
            answer.warnings().forEach(w -> out.println("  note: " + w));
        }
        return 0;
    }

    @Command(name = "list-due", description = "The shopping list: what is likely needed on the next trip, by category.")
    int listDue(
            @Option(
                            names = "--k",
                            paramLabel = "N",
                            description = "how many products (1-200; default ${DEFAULT-VALUE})",
                            defaultValue = "" + BasketHistory.DEFAULT_LENGTH)
                    int k) {
        if (k < 1 || k > 200) {
            err.println("cesta: --k must be between 1 and 200");
            return 2;
        }
        List<SpendingQueries.BoughtLine> lines;
        try (TicketStore store = TicketStore.open(dataDir)) {
            lines = store.spending().boughtLines();
        }
        try (ServiceSupervisor service = startService()) {
            if (service == null) {
                return 1;
            }
            LocalDateTime now = LocalDateTime.now(ZoneId.systemDefault());
            NextBasket.Response answer =
                    new IntelligenceClient(service).predictNextBasket(BasketHistory.askingAt(now, lines, k));
            if (answer.items().isEmpty()) {
                out.println("nothing to list: " + answer.reason());
                return 0;
            }
            out.printf(
                    "from %d tickets (%s): %d of %d products%n",
                    answer.historySize(), answer.model(), answer.items().size(), answer.products());
            Map<String, List<NextBasket.Due>> byCategory = new TreeMap<>();
            answer.items()
                    .forEach(due -> byCategory
                            .computeIfAbsent(orDash(due.category()), c -> new ArrayList<>())
                            .add(due));
            byCategory.forEach((category, dues) -> {
                out.println(category);
                dues.forEach(due -> out.printf(
                        "  %-28s %3.0f%%  %s%n", truncate(due.description()), 100 * due.probability(), rhythm(due)));
            });
        }
        return 0;
    }

    /** "every 7 days, last 2025-03-06, due in 2 days" / "bought once, 2025-03-06". */
    private static String rhythm(NextBasket.Due due) {
        if (due.everyDays() == null) {
            return "bought once, " + due.lastBought();
        }
        int overdue = due.daysOverdue();
        String when =
                overdue == 0 ? "due today" : overdue > 0 ? overdue + " days overdue" : "due in " + -overdue + " days";
        return String.format(Locale.ROOT, "every %.0f days, last %s, %s", due.everyDays(), due.lastBought(), when);
    }

    /** What a person reads for a field the ticket did not show. */
    private static String orDash(Object value) {
        return value == null ? "-" : value.toString();
    }

    private static String truncate(String text) {
        return text == null ? "-" : text.length() <= 24 ? text : text.substring(0, 23) + "…";
    }
}

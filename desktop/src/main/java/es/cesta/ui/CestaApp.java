package es.cesta.ui;

import es.cesta.client.IntelligenceClient;
import es.cesta.config.AppConfig;
import es.cesta.logging.AppLog;
import es.cesta.service.RestartPolicy;
import es.cesta.service.ServiceState;
import es.cesta.service.ServiceSupervisor;
import es.cesta.tickets.AppDataDir;
import es.cesta.tickets.CategoryBackfill;
import es.cesta.tickets.FolderWatch;
import es.cesta.tickets.ImportQueue;
import es.cesta.tickets.LibraryBackups;
import es.cesta.tickets.StoreException;
import es.cesta.tickets.TicketStore;
import es.cesta.ui.main.MainView;
import es.cesta.ui.main.MainViewModel;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Composition root of the window: builds every part, shows the window at once, closes everything. */
public class CestaApp extends Application {

    private Path dataDir;
    private AppConfig config;
    private TicketStore store;
    private ServiceSupervisor supervisor;
    private ImportQueue queue;
    private ExecutorService diskLane;
    private ExecutorService serviceLane;
    private MainView mainView;
    private volatile MainViewModel viewModel; // read by the supervisor's listener too
    private Settings settings;
    private FolderWatch watch;
    private Stage stage;
    // Why the library could not be opened at start: the window then offers the way out first.
    private StoreException libraryProblem;
    private static final Logger LOG = Logger.getLogger(CestaApp.class.getName());

    @Override
    public void init() {
        dataDir = AppDataDir.current();
        AppLog.install(dataDir);
        // PDFBox keeps a font cache; by default in the home folder, here in the data dir like the rest.
        System.setProperty("pdfbox.fontcache", dataDir.resolve("cache").toString());
        Path serviceDir =
                Path.of(System.getProperty("cesta.serviceDir", "ocr-service")).toAbsolutePath();
        config = AppConfig.load(serviceDir, System.getenv(), Path.of(".env"));
        settings = Settings.load(dataDir);
        supervisor = new ServiceSupervisor(config, RestartPolicy.standard());
        diskLane = lane("app-disk");
        serviceLane = lane("app-service");
        try {
            useLibrary(TicketStore.open(dataDir));
        } catch (StoreException e) {
            LOG.log(java.util.logging.Level.SEVERE, "the library cannot be opened", e);
            libraryProblem = e;
        }
    }

    /** One thread of BackgroundTasks; once the window has closed, late work is dropped, not an error. */
    private static ExecutorService lane(String name) {
        return new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(),
                r -> {
                    Thread thread = new Thread(r, name);
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.DiscardPolicy());
    }

    private void useLibrary(TicketStore opened) {
        store = opened;
        // As many tickets in flight as the service has workers.
        queue = new ImportQueue(store, new IntelligenceClient(supervisor), config.spawnedWorkers());
    }

    @Override
    public void start(Stage stage) throws IOException {
        this.stage = stage;
        stage.setTitle("Cesta");
        // Called on the supervisor's thread; the main window asks once more when it opens.
        supervisor.addListener(this::tellServiceState);
        if (libraryProblem != null) {
            showRescue(libraryProblem);
            return;
        }
        showMainWindow();
    }

    /** A library that cannot be opened: what happened, and the choices (see LibraryRescue). */
    private void showRescue(StoreException problem) {
        Texts texts = Texts.of(settings.language());
        Optional<Path> backup = Optional.empty();
        try {
            backup = new LibraryBackups(dataDir).newest();
        } catch (IOException e) {
            LOG.log(java.util.logging.Level.WARNING, "cannot list the backups", e);
        }
        LibraryRescue rescue = new LibraryRescue(texts, problem, backup, this::recover, Platform::exit);
        stage.setScene(new Scene(rescue.view(), 640, 360));
        stage.show();
    }

    /** Carries out the person's choice on the rescue screen; a message when it cannot be done. */
    private Optional<String> recover(LibraryRescue.Choice choice, Optional<Path> backup) {
        try {
            LibraryBackups backups = new LibraryBackups(dataDir);
            if (choice == LibraryRescue.Choice.RESTORE_BACKUP && backup.isPresent()) {
                backups.restore(backup.get(), "damaged");
            } else if (choice == LibraryRescue.Choice.START_NEW) {
                backups.moveAside("damaged");
            }
            useLibrary(TicketStore.open(dataDir));
            libraryProblem = null;
            showMainWindow();
            return Optional.empty();
        } catch (IOException | StoreException e) {
            LOG.log(java.util.logging.Level.WARNING, "the library could not be recovered", e);
            return Optional.of(e.getMessage());
        }
    }

    private void showMainWindow() throws IOException {
        long launched = ManagementFactory.getRuntimeMXBean().getStartTime();
        buildMainView();
        boolean wasShowing = stage.isShowing(); // the rescue screen was
        stage.setScene(new Scene(loadView()));
        if (wasShowing) {
            fitToScreen(stage);
        }
        applyTheme(settings.theme());
        WindowPlacement.restore(stage, settings);
        stage.show();
        LOG.info(() -> "window shown " + (System.currentTimeMillis() - launched) + " ms after launch");
        // The service boots once the window is up: started earlier, it takes the CPU the window
        // needs (measured: window 1.47 s instead of 1.07 s on 2 cores, service ready 1 s sooner).
        supervisor.start();
        diskLane.execute(queue::resumeUnfinished);
        watch(settings.watchedFolder().orElse(null)); // what came while the app was closed, too
        // Files the desktop opened with Cesta (file associations of the installed app).
        List<Path> opened = getParameters() == null
                ? List.of()
                : getParameters().getRaw().stream()
                        .map(Path::of)
                        .filter(java.nio.file.Files::exists)
                        .toList();
        viewModel.importFiles(opened);
    }

    /** The window at its content's size (the rescue screen was smaller), never beyond the screen. */
    private static void fitToScreen(Stage stage) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Parent root = stage.getScene().getRoot();
        stage.setWidth(Math.min(root.prefWidth(-1), screen.getWidth()));
        stage.setHeight(Math.min(root.prefHeight(-1), screen.getHeight()));
        stage.centerOnScreen();
    }

    /** The view model of the open library, loaded; the service's state as it is now. */
    private void buildMainView() {
        IntelligenceClient client = new IntelligenceClient(supervisor);
        viewModel = new MainViewModel(
                store,
                queue,
                new BackgroundTasks(diskLane, serviceLane, Platform::runLater),
                client::predictNextShop,
                client::predictNextBasket,
                Texts.of(settings.language()));
        viewModel.load();
        serviceLane.execute(() -> tellServiceState(supervisor.state())); // /health is not asked on the FX thread
    }

    /** The service's state, and its workers when it is ready, to the window (never on the FX thread). */
    private void tellServiceState(ServiceState state) {
        MainViewModel shown = viewModel;
        if (shown == null) {
            return; // the library is not open yet
        }
        int workers = state == ServiceState.READY ? safeWorkers(new IntelligenceClient(supervisor)) : 0;
        shown.serviceChanged(state, workers, supervisor.lastError());
        if (state == ServiceState.READY) { // the next-shop card asks by itself once the service is ready
            // Lines stored without a category (an older library, a ticket read while /categorize
            // failed) get one now, on this service lane, and the window redraws what they change.
            if (new CategoryBackfill(store, new IntelligenceClient(supervisor)).run() > 0) {
                shown.refreshEverything();
            }
        }
    }

    /**
     * Settings, Restore a backup: the person picks one; the open library is closed, moved aside
     * (never deleted) and replaced by the backup, and the window shows the restored library.
     */
    private void restoreBackup() {
        List<Path> backups;
        try {
            backups = store.backups().all();
        } catch (IOException e) {
            viewModel.report(e.getMessage());
            return;
        }
        Optional<Path> chosen = BackupChooser.choose(viewModel.texts(), backups, stage);
        if (chosen.isEmpty()) {
            return;
        }
        viewModel.dispose();
        queue.close();
        store.close();
        Optional<String> problem = Optional.empty();
        try {
            new LibraryBackups(dataDir).restore(chosen.get(), "replaced");
        } catch (IOException e) { // the library in place is untouched: it opens again as it was
            LOG.log(java.util.logging.Level.WARNING, "restore failed", e);
            problem = Optional.of(e.getMessage());
        }
        useLibrary(TicketStore.open(dataDir));
        buildMainView();
        reloadView();
        diskLane.execute(queue::resumeUnfinished); // what the backup holds unfinished is read now
        watch(settings.watchedFolder().orElse(null)); // against the restored library
        problem.ifPresent(viewModel::report);
    }

    private void reloadView() {
        try {
            stage.getScene().setRoot(loadView());
        } catch (IOException e) {
            throw new IllegalStateException("the window's own FXML cannot be loaded", e);
        }
    }

    /** The window's content in the view model's language (loaded again when the language changes). */
    private Parent loadView() throws IOException {
        FXMLLoader loader = new FXMLLoader(
                MainView.class.getResource("MainView.fxml"), viewModel.texts().bundle());
        MainView.Host host = new MainView.Host(
                supervisor::restart,
                supervisor::lastLogLines,
                settings,
                this::switchLanguage,
                this::switchTheme,
                this::restoreBackup,
                this::chooseWatchedFolder);
        loader.setControllerFactory(type -> new MainView(viewModel, host));
        Parent root = loader.load();
        mainView = loader.getController();
        return root;
    }

    private void switchLanguage(String language) {
        settings.setLanguage(language);
        viewModel.useTexts(Texts.of(language));
        reloadView();
    }

    /** Settings, Watch a folder (null: stop watching): remembered, and watched from now on. */
    private void chooseWatchedFolder(Path folder) {
        settings.setWatchedFolder(folder);
        watch(folder);
    }

    /** Watches {@code folder} for new tickets against the open library (null: watches nothing). */
    private void watch(Path folder) {
        if (watch != null) {
            watch.close();
            watch = null;
        }
        if (folder != null) {
            watch = new FolderWatch(folder, store, java.time.Instant::now);
            MainViewModel shown = viewModel;
            watch.start(found -> shown.importPickedUp(folder, found));
        }
    }

    private void switchTheme(Settings.Theme theme) {
        settings.setTheme(theme);
        applyTheme(theme);
    }

    /**
     * AtlantaFX's Primer theme for every window of the app (dialogs too), light or dark; the
     * window's own sheet on top names its colours by the theme's variables, so it suits both.
     */
    private void applyTheme(Settings.Theme theme) {
        Application.setUserAgentStylesheet(
                theme == Settings.Theme.DARK
                        ? new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet()
                        : new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        stage.getScene()
                .getStylesheets()
                .setAll(MainView.class.getResource("MainView.css").toExternalForm());
    }

    private static int safeWorkers(IntelligenceClient client) {
        try {
            return client.health().workers();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    public MainView mainView() {
        return mainView;
    }

    public MainViewModel viewModel() {
        return viewModel;
    }

    public Stage stage() {
        return stage;
    }

    public TicketStore store() {
        return store;
    }

    public ServiceSupervisor supervisor() {
        return supervisor;
    }

    @Override
    public void stop() {
        if (watch != null) {
            watch.close();
        }
        if (viewModel != null) {
            viewModel.dispose();
        }
        if (queue != null) {
            queue.close();
        }
        for (ExecutorService lane : List.of(diskLane, serviceLane)) {
            if (lane != null) {
                lane.shutdownNow();
            }
        }
        if (supervisor != null) {
            supervisor.close();
        }
        if (store != null) {
            store.close();
        }
    }
}

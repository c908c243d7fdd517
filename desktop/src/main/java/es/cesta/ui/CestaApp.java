package es.cesta.ui;

import es.cesta.client.IntelligenceClient;
import es.cesta.config.AppConfig;
import es.cesta.logging.AppLog;
import es.cesta.service.RestartPolicy;
import es.cesta.service.ServiceState;
import es.cesta.service.ServiceSupervisor;
import es.cesta.tickets.AppDataDir;
import es.cesta.tickets.ImportQueue;
import es.cesta.tickets.TicketStore;
import es.cesta.ui.main.MainView;
import es.cesta.ui.main.MainViewModel;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.logging.Logger;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Composition root of the window: builds every part, shows the window at once, closes everything. */
public class CestaApp extends Application {

    private static final int IMPORT_CONCURRENCY = Math.max(2, Runtime.getRuntime().availableProcessors());

    private TicketStore store;
    private ServiceSupervisor supervisor;
    private ImportQueue queue;
    private ExecutorService background;
    private MainView mainView;
    private MainViewModel viewModel;
    private Settings settings;
    private Stage stage;
    private static final Logger LOG = Logger.getLogger(CestaApp.class.getName());

    @Override
    public void init() {
        Path dataDir = AppDataDir.current();
        AppLog.install(dataDir);
        // PDFBox keeps a font cache; by default in the home folder, here in the data dir like the rest.
        System.setProperty("pdfbox.fontcache", dataDir.resolve("cache").toString());
        Path serviceDir = Path.of(System.getProperty("cesta.serviceDir", "ocr-service")).toAbsolutePath();
        AppConfig config = AppConfig.load(serviceDir, System.getenv(), Path.of(".env"));
        store = TicketStore.open(dataDir);
        settings = Settings.load(dataDir);
        supervisor = new ServiceSupervisor(config, RestartPolicy.standard());
        queue = new ImportQueue(store, new IntelligenceClient(supervisor), IMPORT_CONCURRENCY);
        // One background thread; once the window has closed, late callbacks' work is dropped, not an error.
        background = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread thread = new Thread(r, "app-background");
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.DiscardPolicy());
    }

    @Override
    public void start(Stage stage) throws IOException {
        long launched = ManagementFactory.getRuntimeMXBean().getStartTime();
        IntelligenceClient client = new IntelligenceClient(supervisor);
        viewModel = new MainViewModel(store, queue, background, Platform::runLater, client::predictNextShop,
                Texts.of(settings.language()));
        supervisor.addListener(state -> {
            viewModel.serviceChanged(state, state == ServiceState.READY ? safeWorkers(client) : 0, supervisor.lastError());
            if (state == ServiceState.READY) {
                viewModel.refreshNextShop();
            }
        });
        this.stage = stage;
        stage.setTitle("Cesta");
        stage.setScene(new Scene(loadView()));
        applyTheme(settings.theme());
        WindowPlacement.restore(stage, settings);
        stage.show();
        LOG.info(() -> "window shown " + (System.currentTimeMillis() - launched) + " ms after launch");
        // The service boots once the window is up: started earlier, it takes the CPU the window
        // needs (measured: window 1.47 s instead of 1.07 s on 2 cores, service ready 1 s sooner).
        supervisor.start();
        viewModel.load();
        background.execute(queue::resumeUnfinished);
        // Files the desktop opened with Cesta (file associations of the installed app).
        List<Path> opened = getParameters() == null ? List.of()
                : getParameters().getRaw().stream().map(Path::of).filter(java.nio.file.Files::exists).toList();
        viewModel.importFiles(opened);
    }

    /** The window's content in the view model's language (loaded again when the language changes). */
    private Parent loadView() throws IOException {
        FXMLLoader loader = new FXMLLoader(MainView.class.getResource("MainView.fxml"), viewModel.texts().bundle());
        MainView.Host host = new MainView.Host(supervisor::restart, supervisor::lastLogLines, settings,
                this::switchLanguage, this::switchTheme);
        loader.setControllerFactory(type -> new MainView(viewModel, host));
        Parent root = loader.load();
        mainView = loader.getController();
        return root;
    }

    private void switchLanguage(String language) {
        settings.setLanguage(language);
        viewModel.useTexts(Texts.of(language));
        try {
            stage.getScene().setRoot(loadView());
        } catch (IOException e) {
            throw new IllegalStateException("the window's own FXML cannot be loaded", e);
        }
    }

    private void switchTheme(Settings.Theme theme) {
        settings.setTheme(theme);
        applyTheme(theme);
    }

    /** Both sheets on the scene, the dark one last, so its rules win over the shared ones. */
    private void applyTheme(Settings.Theme theme) {
        String base = MainView.class.getResource("MainView.css").toExternalForm();
        String dark = MainView.class.getResource("dark.css").toExternalForm();
        stage.getScene().getStylesheets().setAll(theme == Settings.Theme.DARK ? List.of(base, dark) : List.of(base));
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
        if (viewModel != null) {
            viewModel.dispose();
        }
        if (queue != null) {
            queue.close();
        }
        if (background != null) {
            background.shutdownNow();
        }
        if (supervisor != null) {
            supervisor.close();
        }
        if (store != null) {
            store.close();
        }
    }
}

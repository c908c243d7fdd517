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
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

    @Override
    public void init() {
        Path dataDir = AppDataDir.current();
        AppLog.install(dataDir);
        Path serviceDir = Path.of(System.getProperty("cesta.serviceDir", "ocr-service")).toAbsolutePath();
        AppConfig config = AppConfig.load(serviceDir, System.getenv(), Path.of(".env"));
        store = TicketStore.open(dataDir);
        supervisor = new ServiceSupervisor(config, RestartPolicy.standard());
        queue = new ImportQueue(store, new IntelligenceClient(supervisor), IMPORT_CONCURRENCY);
        background = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "app-background");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void start(Stage stage) throws IOException {
        IntelligenceClient client = new IntelligenceClient(supervisor);
        MainViewModel viewModel = new MainViewModel(store, queue, background, Platform::runLater, client::predictNextShop);
        supervisor.addListener(state -> {
            viewModel.serviceChanged(state, state == ServiceState.READY ? safeWorkers(client) : 0, supervisor.lastError());
            if (state == ServiceState.READY) {
                viewModel.refreshNextShop();
            }
        });
        FXMLLoader loader = new FXMLLoader(MainView.class.getResource("MainView.fxml"));
        loader.setControllerFactory(type -> new MainView(viewModel, supervisor::restart, supervisor::lastLogLines));
        Parent root = loader.load();
        mainView = loader.getController();
        stage.setTitle("Cesta");
        stage.setScene(new Scene(root));
        WindowPlacement.restore(stage);
        stage.show();
        // The window is up before the service: it warms up in the background.
        supervisor.start();
        viewModel.load();
        background.execute(queue::resumeUnfinished);
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

    public TicketStore store() {
        return store;
    }

    public ServiceSupervisor supervisor() {
        return supervisor;
    }

    @Override
    public void stop() {
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

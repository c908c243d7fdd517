package es.cesta.ui;

import es.cesta.service.TestServices;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** The real app in a window test: a library in {@code home}, the project's service. */
final class TestApps {

    private TestApps() {}

    static CestaApp launch(Stage stage, Path home) throws Exception {
        System.setProperty("cesta.home", home.toString());
        System.setProperty("cesta.serviceDir", TestServices.SERVICE_DIR.toString());
        CestaApp app = new CestaApp();
        app.init();
        app.start(stage);
        return app;
    }

    /** Stops the app on the FX thread, the service and the library with it. */
    static void stop(CestaApp app) throws Exception {
        WaitForAsyncUtils.asyncFx(app::stop).get(TestServices.SERVICE_BOUND_S, TimeUnit.SECONDS);
    }
}

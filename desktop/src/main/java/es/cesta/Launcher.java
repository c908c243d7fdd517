package es.cesta;

import es.cesta.cli.Cli;
import es.cesta.ui.CestaApp;
import javafx.application.Application;

/**
 * Entry point of the desktop app. A plain class (not a JavaFX Application) so that the app
 * starts from the class path and from a jpackage image alike. With arguments it runs the
 * headless commands ({@code cesta import ...}), without them it opens the window.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length > 0) {
            Cli.main(args);
            return;
        }
        Application.launch(CestaApp.class, args);
    }

    static String version() {
        String version = Launcher.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}

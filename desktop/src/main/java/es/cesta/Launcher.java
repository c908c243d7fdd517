package es.cesta;

import es.cesta.cli.Cli;

/**
 * Entry point of the desktop app. A plain class (not a JavaFX Application) so that the app
 * starts from the class path and from a jpackage image alike. With arguments it runs the
 * headless commands ({@code cesta import ...}); the window arrives with the desktop UI issue.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length > 0) {
            Cli.main(args);
            return;
        }
        System.out.println("Cesta desktop " + version() + ": the window is not built yet; "
                + "`./cesta import FILE...` and `./cesta list` work on the library.");
    }

    static String version() {
        String version = Launcher.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}

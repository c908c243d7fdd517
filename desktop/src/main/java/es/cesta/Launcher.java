package es.cesta;

/**
 * Entry point of the desktop app. A plain class (not a JavaFX Application) so that the app
 * starts from the class path and from a jpackage image alike.
 *
 * <p>The window, the service supervisor and the ticket store arrive with the desktop issues;
 * until then {@code ./cesta run} starts the intelligence service on its own.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        System.out.println("Cesta desktop " + version() + ": the window is not built yet; "
                + "`./cesta run` starts the intelligence service.");
    }

    static String version() {
        String version = Launcher.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}

package es.cesta;

import es.cesta.cli.Cli;
import es.cesta.ui.CestaApp;
import javafx.application.Application;

/**
 * Entry point of the desktop app. A plain class (not a JavaFX Application) so that the app
 * starts from the class path and from a jpackage image alike. With arguments it runs the
 * headless commands ({@code cesta import ...}); without them, or with files, it opens the window.
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) {
        // A command runs in the terminal; file names (the desktop's "Open with Cesta") open the
        // window and import them; nothing opens the window.
        if (args.length > 0
                && (Cli.isCommand(args[0]) || !java.nio.file.Files.exists(java.nio.file.Path.of(args[0])))) {
            Cli.main(args);
            return;
        }
        // SQLite's native library is unpacked and loaded on first use (~0.2 s): do it while the
        // toolkit starts, so the window is not waiting for it.
        Thread warmup = new Thread(Launcher::loadSqlite, "sqlite-warmup");
        warmup.setDaemon(true);
        warmup.start();
        Application.launch(CestaApp.class, args);
    }

    private static void loadSqlite() {
        try {
            org.sqlite.SQLiteJDBCLoader.initialize();
        } catch (Exception e) {
            // The store loads it again and reports a real failure in words.
        }
    }

    public static String version() {
        String version = Launcher.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}

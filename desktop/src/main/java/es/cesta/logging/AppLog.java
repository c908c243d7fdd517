package es.cesta.logging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** The app log: rotating files in the data dir (5 x 2 MB), where the service's output goes too. */
public final class AppLog {

    private static final int FILE_LIMIT_BYTES = 2 * 1024 * 1024;
    private static final int FILES = 5;

    private AppLog() {}

    /** Sends every log record to {@code <dataDir>/logs/cesta-N.log} instead of the terminal. */
    public static Path install(Path dataDir) {
        Path folder = dataDir.resolve("logs");
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        try {
            Files.createDirectories(folder);
            FileHandler file =
                    new FileHandler(folder.resolve("cesta-%g.log").toString(), FILE_LIMIT_BYTES, FILES, true);
            file.setFormatter(new SimpleFormatter());
            root.addHandler(file);
            root.setLevel(Level.INFO);
        } catch (IOException e) {
            System.err.println("cesta: cannot write the log in " + folder + ": " + e.getMessage());
        }
        return folder;
    }
}

package es.cesta.ui;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * The person's choices that outlive the window: language and theme, in {@code settings.properties}
 * of the data dir (so each library, and each test's temp library, has its own).
 */
public final class Settings {

    public enum Theme {
        LIGHT,
        DARK
    }

    private final Path file;
    private final Properties values = new Properties();

    private Settings(Path file) {
        this.file = file;
    }

    public static Settings load(Path dataDir) {
        Settings settings = new Settings(dataDir.resolve("settings.properties"));
        if (Files.isReadable(settings.file)) {
            try (Reader in = Files.newBufferedReader(settings.file)) {
                settings.values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                // A damaged settings file only costs the defaults; the library is elsewhere.
                settings.values.clear();
            }
        }
        return settings;
    }

    /** The chosen language, else the system's when it is Spanish, else English. */
    public String language() {
        String chosen = values.getProperty("language");
        if ("es".equals(chosen) || "en".equals(chosen)) {
            return chosen;
        }
        return "es".equals(Locale.getDefault().getLanguage()) ? "es" : "en";
    }

    public Theme theme() {
        return "dark".equals(values.getProperty("theme")) ? Theme.DARK : Theme.LIGHT;
    }

    /** Where the window was when it last closed. */
    public java.util.Optional<javafx.geometry.Rectangle2D> window() {
        try {
            String[] parts = values.getProperty("window", "").split(",");
            if (parts.length != 4) {
                return java.util.Optional.empty();
            }
            double[] n = java.util.Arrays.stream(parts)
                    .mapToDouble(Double::parseDouble)
                    .toArray();
            return n[2] > 100 && n[3] > 100
                    ? java.util.Optional.of(new javafx.geometry.Rectangle2D(n[0], n[1], n[2], n[3]))
                    : java.util.Optional.empty();
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    public void setWindow(javafx.geometry.Rectangle2D place) {
        values.setProperty(
                "window",
                String.format(
                        Locale.ROOT,
                        "%.0f,%.0f,%.0f,%.0f",
                        place.getMinX(),
                        place.getMinY(),
                        place.getWidth(),
                        place.getHeight()));
        save();
    }

    public void setLanguage(String language) {
        values.setProperty("language", language);
        save();
    }

    /** The folder whose new tickets import themselves, if the person chose one. */
    public java.util.Optional<java.nio.file.Path> watchedFolder() {
        return java.util.Optional.ofNullable(values.getProperty("watchedFolder"))
                .map(java.nio.file.Path::of);
    }

    /** Watches {@code folder} from now on; null watches none. */
    public void setWatchedFolder(java.nio.file.Path folder) {
        if (folder == null) {
            values.remove("watchedFolder");
        } else {
            values.setProperty("watchedFolder", folder.toAbsolutePath().toString());
        }
        save();
    }

    public void setTheme(Theme theme) {
        values.setProperty("theme", theme.name().toLowerCase(Locale.ROOT));
        save();
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file)) {
                values.store(out, "Cesta settings");
            }
        } catch (IOException e) {
            // Not worth interrupting the person: the choice holds for this session.
            java.util.logging.Logger.getLogger(Settings.class.getName())
                    .warning("cannot save the settings to " + file + ": " + e.getMessage());
        }
    }
}

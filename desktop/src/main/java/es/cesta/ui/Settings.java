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

    public enum Theme { LIGHT, DARK }

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

    public void setLanguage(String language) {
        values.setProperty("language", language);
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

package es.cesta.tickets;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** The OS's folder for an app's own data; CESTA_HOME overrides it (tests, portable installs). */
public final class AppDataDir {

    private AppDataDir() {}

    public static Path resolve(Map<String, String> env, String osName, Path home) {
        String override = env.get("CESTA_HOME");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return appData != null ? Path.of(appData, "Cesta") : home.resolve("AppData/Roaming/Cesta");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/Cesta");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share")).resolve("cesta");
    }

    public static Path current() {
        String property = System.getProperty("cesta.home"); // -Dcesta.home, for tests and portable use
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        return resolve(System.getenv(), System.getProperty("os.name"), Path.of(System.getProperty("user.home")));
    }
}

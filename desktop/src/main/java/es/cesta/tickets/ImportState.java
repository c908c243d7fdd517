package es.cesta.tickets;

import java.util.Locale;

/** Where one file is on its way into the library; persisted, so a crash loses nothing. */
public enum ImportState {
    QUEUED,
    PROCESSING,
    DONE,
    FAILED;

    String sql() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ImportState of(String sql) {
        return valueOf(sql.toUpperCase(Locale.ROOT));
    }
}

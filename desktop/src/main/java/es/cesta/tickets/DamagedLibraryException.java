package es.cesta.tickets;

import java.nio.file.Path;

/** The library file exists but is not a readable Cesta library: the person chooses what to do. */
public final class DamagedLibraryException extends StoreException {

    private final transient Path database;

    public DamagedLibraryException(String message, Path database, Throwable cause) {
        super(message, cause);
        this.database = database;
    }

    public Path database() {
        return database;
    }
}

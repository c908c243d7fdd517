package es.cesta.tickets;

/** The ticket database cannot be used, said in words a person can act on. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

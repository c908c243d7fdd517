package es.cesta.client;

/** The service could not be reached (refused, reset, timed out) even after the retries. */
public class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

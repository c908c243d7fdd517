package es.cesta.client;

import java.net.URI;

/** Where the service is now and its key: both change when the supervisor restarts it. */
public interface Endpoint {

    URI baseUri();

    String apiKey();

    /**
     * Whether the service is being started or restarted and may answer later: a caller that met an
     * outage keeps waiting while this holds. False for an address nobody restarts.
     */
    default boolean comingBack() {
        return false;
    }
}

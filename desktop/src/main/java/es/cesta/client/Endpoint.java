package es.cesta.client;

import java.net.URI;

/** Where the service is now and its key: both change when the supervisor restarts it. */
public interface Endpoint {

    URI baseUri();

    String apiKey();
}

package es.cesta.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/** GET /health: who answers, so that a foreign process on the port is never trusted. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Health(
        String status, String version, String instanceId, int workers, long pid, Map<String, String> engines) {}

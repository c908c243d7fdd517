package es.cesta.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * The desktop's only way to the intelligence service: one pooled {@link HttpClient}, JSON through
 * Jackson, a request timeout, and retries (Failsafe) on 503 and on a refused or reset connection
 * while the supervisor restarts the service. Retrying is safe: a ticket id makes /ocr/process
 * idempotent and prediction has no side effect.
 */
public final class IntelligenceClient {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final int RETRIES = 2;

    private final HttpClient http;
    private final Endpoint endpoint;
    private final Duration timeout;
    private final ObjectMapper json = mapper();
    private final RetryPolicy<Object> retryPolicy;

    public IntelligenceClient(Endpoint endpoint) {
        this(endpoint, DEFAULT_TIMEOUT, Duration.ofMillis(500));
    }

    public IntelligenceClient(Endpoint endpoint, Duration timeout, Duration firstBackoff) {
        this.endpoint = endpoint;
        this.timeout = timeout;
        // HTTP/1.1: the service speaks no h2c, and an upgrade attempt on a POST confuses it.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3))
                .build();
        this.retryPolicy = RetryPolicy.builder()
                .handle(ServiceBusyException.class, ConnectException.class, IOException.class)
                .abortOn(HttpTimeoutException.class)
                .withMaxRetries(RETRIES)
                .withBackoff(firstBackoff, firstBackoff.multipliedBy(8))
                .withDelayFn(ctx -> ctx.getLastException() instanceof ServiceBusyException busy
                        ? busy.retryAfter()
                        : Duration.ofMillis(-1)) // negative: use the backoff
                .build();
    }

    public static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public Health health() {
        return send(
                HttpRequest.newBuilder(endpoint.baseUri().resolve("/health")).GET(), Health.class);
    }

    public OcrResult processTicket(UUID ticketId, Path file) throws IOException {
        return processTicket(ticketId, file, file.getFileName().toString());
    }

    /**
     * Reads {@code file} under the name the person knows it by ({@code fileName}): the service's
     * refusals name the file, and the library's copy is named by its content hash.
     */
    public OcrResult processTicket(UUID ticketId, Path file, String fileName) throws IOException {
        String content = Base64.getEncoder().encodeToString(Files.readAllBytes(file));
        Map<String, Object> body =
                Map.of("ticket_id", ticketId.toString(), "file_name", fileName, "file_content_b64", content);
        return send(post("/ocr/process", body), OcrResult.class);
    }

    public NextShop.Response predictNextShop(NextShop.Request request) {
        return send(post("/predict/next-shop", request), NextShop.Response.class);
    }

    /** The shopping list: the products likely on the next trip, from the tickets as corrected. */
    public NextBasket.Response predictNextBasket(NextBasket.Request request) {
        return send(post("/predict/next-basket", request), NextBasket.Response.class);
    }

    public Categorize.Response categorize(Categorize.Request request) {
        return send(post("/categorize", request), Categorize.Response.class);
    }

    private HttpRequest.Builder post(String path, Object body) {
        try {
            return HttpRequest.newBuilder(endpoint.baseUri().resolve(path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode the request: " + e.getMessage(), e);
        }
    }

    private <T> T send(HttpRequest.Builder builder, Class<T> type) {
        try {
            return Failsafe.with(retryPolicy).get(() -> {
                // Rebuilt on every attempt: after a restart the service may have a new port and key.
                HttpRequest request = builder.copy()
                        .uri(endpoint.baseUri().resolve(builder.build().uri().getPath()))
                        .header("X-API-Key", endpoint.apiKey())
                        .timeout(timeout)
                        .build();
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                return decode(response, type);
            });
        } catch (FailsafeException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new ServiceUnavailableException("the intelligence service did not answer: " + cause, cause);
        }
    }

    private <T> T decode(HttpResponse<byte[]> response, Class<T> type) throws IOException {
        int status = response.statusCode();
        if (status == 200) {
            return json.readValue(response.body(), type);
        }
        String code = "http_" + status;
        String message = "HTTP " + status;
        try {
            JsonNode error = json.readTree(response.body());
            code = error.path("code").asText(code);
            message = error.path("message").asText(message);
        } catch (IOException notJson) {
            // a proxy or a foreign server: keep the bare status
        }
        if (status == 503) {
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
            throw new ServiceBusyException(code, message, Duration.ofSeconds(Math.max(0, seconds)));
        }
        throw new ServiceException(status, code, message);
    }

    public URI baseUri() {
        return endpoint.baseUri();
    }

    /** Whether the service is being (re)started: an outage now is worth waiting out. */
    public boolean serviceComingBack() {
        return endpoint.comingBack();
    }
}

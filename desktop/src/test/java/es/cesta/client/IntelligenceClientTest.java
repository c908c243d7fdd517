package es.cesta.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Cases the real service cannot be made to produce on demand, against a local stub server. */
class IntelligenceClientTest {

    private static final String HEALTH = "{\"status\":\"ok\",\"version\":\"t\",\"instance_id\":\"i\",\"workers\":3,"
            + "\"pid\":1,\"worker_pid\":2,\"engines\":{}}";

    private final AtomicInteger calls = new AtomicInteger();
    private HttpServer server;

    /** Answers the n-th call (1-based) with what {@code reply} says: {status, retryAfter, body}. */
    private IntelligenceClient clientFor(IntFunction<Object[]> reply, Duration timeout) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> answer(exchange, reply.apply(calls.incrementAndGet())));
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        Endpoint endpoint = new Endpoint() {
            @Override
            public URI baseUri() {
                return base;
            }

            @Override
            public String apiKey() {
                return "test-key";
            }
        };
        return new IntelligenceClient(endpoint, timeout, Duration.ofMillis(50));
    }

    private static void answer(HttpExchange exchange, Object[] reply) throws IOException {
        if (reply.length > 3) {
            try {
                Thread.sleep((Long) reply[3]);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = ((String) reply[2]).getBytes(StandardCharsets.UTF_8);
        if (reply[1] != null) {
            exchange.getResponseHeaders().add("Retry-After", reply[1].toString());
        }
        exchange.sendResponseHeaders((Integer) reply[0], body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void retriesA503AfterItsRetryAfterAndSucceeds() throws Exception {
        IntelligenceClient client = clientFor(
                n -> n <= 2
                        ? new Object[] {503, 1, "{\"code\":\"busy\",\"message\":\"busy\"}"}
                        : new Object[] {200, null, HEALTH},
                Duration.ofSeconds(5));
        long started = System.nanoTime();
        assertEquals(3, client.health().workers());
        assertEquals(3, calls.get());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 1900, "Retry-After not honoured");
    }

    @Test
    void givesUpAfterTwoRetriesWithTheServiceCode() throws Exception {
        IntelligenceClient client = clientFor(
                n -> new Object[] {503, 0, "{\"code\":\"busy\",\"message\":\"full\"}"}, Duration.ofSeconds(5));
        ServiceBusyException busy = assertThrows(ServiceBusyException.class, client::health);
        assertEquals("busy", busy.code());
        assertEquals(1 + IntelligenceClient.RETRIES, calls.get());
    }

    @Test
    void doesNotRetryA4xx() throws Exception {
        IntelligenceClient client = clientFor(
                n -> new Object[] {422, null, "{\"code\":\"unreadable_pdf\",\"message\":\"damaged\"}"},
                Duration.ofSeconds(5));
        ServiceException refused = assertThrows(ServiceException.class, client::health);
        assertEquals(422, refused.status());
        assertEquals("unreadable_pdf", refused.code());
        assertEquals("damaged", refused.getMessage());
        assertEquals(1, calls.get());
    }

    @Test
    void honoursTheRequestTimeout() throws Exception {
        IntelligenceClient client = clientFor(n -> new Object[] {200, null, HEALTH, 3000L}, Duration.ofMillis(400));
        long started = System.nanoTime();
        ServiceUnavailableException failed = assertThrows(ServiceUnavailableException.class, client::health);
        assertInstanceOf(HttpTimeoutException.class, failed.getCause());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 2500);
        assertEquals(1, calls.get());
    }
}

package es.cesta.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import es.cesta.client.IntelligenceClient;
import es.cesta.client.OcrResult;
import es.cesta.config.AppConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceSupervisorTest {

    private static final Pattern FIELD_SEPARATOR = Pattern.compile(" ");
    private static final Path TICKET = TestServices.ES_DEV.resolve("mercadona-2023-11-25-d5cb91a5.pdf");

    @Test
    void aSpawnedServiceGetsOneWorkerPerCoreAndAtLeastTwoUnlessOverridden() throws Exception {
        assertEquals(2, AppConfig.desktopWorkers(1));
        assertEquals(2, AppConfig.desktopWorkers(2));
        assertEquals(8, AppConfig.desktopWorkers(8));
        AppConfig byDefault = TestServices.config().withWorkers(0);
        try (ServiceSupervisor supervisor = new ServiceSupervisor(byDefault, RestartPolicy.standard())) {
            supervisor.start();
            assertTrue(supervisor.awaitState(ServiceState.READY, TestServices.SERVICE_BOUND), supervisor.lastError());
            int cores = Runtime.getRuntime().availableProcessors();
            assertEquals(
                    Math.max(2, cores),
                    new IntelligenceClient(supervisor).health().workers());
            // The master and its workers run the master's program; a short-lived child of a worker
            // (an OCR engine it calls) is not a worker.
            List<ProcessHandle> tree = TestServices.tree(supervisor.servicePid());
            java.util.Optional<String> program = tree.get(0).info().command();
            assertEquals(
                    Math.max(2, cores) + 1,
                    tree.stream()
                            .filter(p -> p.info().command().equals(program))
                            .count());
        }
        Map<String, String> overridden = Map.of("INTELLIGENCE_WORKERS", "3");
        assertEquals(
                3, AppConfig.load(TestServices.SERVICE_DIR, overridden, null).spawnedWorkers());
    }

    @Test
    void startsToReadyServesAndStopsWithoutLeavingProcesses() throws Exception {
        List<ServiceState> seen = new CopyOnWriteArrayList<>();
        List<ProcessHandle> tree;
        try (ServiceSupervisor supervisor = new ServiceSupervisor(TestServices.config(), RestartPolicy.standard())) {
            supervisor.addListener(seen::add);
            supervisor.start();
            assertTrue(supervisor.awaitState(ServiceState.READY, TestServices.SERVICE_BOUND), supervisor.lastError());
            assertEquals(List.of(ServiceState.STARTING, ServiceState.READY), seen);
            IntelligenceClient client = new IntelligenceClient(supervisor);
            assertEquals(2, client.health().workers());
            OcrResult result = client.processTicket(UUID.randomUUID(), TICKET);
            assertEquals(new BigDecimal("37.76"), result.total());
            assertEquals("MERCADONA", result.shop().name());
            tree = TestServices.tree(supervisor.servicePid());
            assertEquals(3, tree.size(), "master + 2 workers");
            for (ProcessHandle process : tree) { // OCR yields the CPU to the window
                String stat = java.nio.file.Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
                String[] fields = FIELD_SEPARATOR.split(stat.substring(stat.lastIndexOf(")") + 2), -1);
                assertEquals("5", fields[16], "nice value of " + process.pid()); // field 19 of proc(5)
            }
        }
        assertTrue(TestServices.allGoneWithin(tree, Duration.ofSeconds(5)), "service processes left behind");
    }

    @Test
    void kill9OfTheMasterIsRestartedAndServesAgain() throws Exception {
        List<ServiceState> seen = new CopyOnWriteArrayList<>();
        try (ServiceSupervisor supervisor = new ServiceSupervisor(TestServices.config(), RestartPolicy.standard())) {
            supervisor.addListener(seen::add);
            supervisor.start();
            assertTrue(supervisor.awaitState(ServiceState.READY, TestServices.SERVICE_BOUND));
            long firstPid = supervisor.servicePid();
            List<ProcessHandle> firstTree = TestServices.tree(firstPid);
            ProcessHandle.of(firstPid).orElseThrow().destroyForcibly();
            assertTrue(TestServices.allGoneWithin(firstTree, Duration.ofSeconds(5)), "orphaned workers");
            long end = System.nanoTime() + TestServices.SERVICE_BOUND.toNanos();
            while (!(supervisor.state() == ServiceState.READY && supervisor.servicePid() != firstPid)
                    && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            assertEquals(ServiceState.READY, supervisor.state());
            assertNotEquals(firstPid, supervisor.servicePid());
            assertTrue(seen.contains(ServiceState.RESTARTING), seen.toString());
            OcrResult result = new IntelligenceClient(supervisor).processTicket(UUID.randomUUID(), TICKET);
            assertEquals(new BigDecimal("37.76"), result.total());
        }
    }

    @Test
    void aForeignServerOnThePreferredPortIsNeitherUsedNorGivenTheKey() throws Exception {
        AtomicInteger keysSeen = new AtomicInteger();
        AtomicInteger requests = new AtomicInteger();
        // The foreign server takes whatever port is free, and the service is told to prefer that
        // one: the test holds whether or not something on this machine already uses 9000.
        HttpServer foreign = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        int taken = foreign.getAddress().getPort();
        foreign.createContext("/", exchange -> {
            requests.incrementAndGet();
            if (exchange.getRequestHeaders().containsKey("X-API-Key")) {
                keysSeen.incrementAndGet();
            }
            byte[] body = "{\"status\":\"ok\",\"instance_id\":\"someone-else\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        foreign.start();
        AppConfig preferringTheTakenPort = TestServices.config().withPreferredPort(taken);
        try (ServiceSupervisor supervisor = new ServiceSupervisor(preferringTheTakenPort, RestartPolicy.standard())) {
            supervisor.start();
            assertTrue(supervisor.awaitState(ServiceState.READY, TestServices.SERVICE_BOUND), supervisor.lastError());
            assertNotEquals(taken, supervisor.baseUri().getPort());
            OcrResult result = new IntelligenceClient(supervisor).processTicket(UUID.randomUUID(), TICKET);
            assertEquals(new BigDecimal("37.76"), result.total());
        } finally {
            foreign.stop(0);
        }
        assertEquals(0, keysSeen.get());
        assertEquals(0, requests.get());
    }

    @Test
    void withAServiceUrlItAttachesInsteadOfSpawning() throws Exception {
        try (ServiceSupervisor owner = new ServiceSupervisor(TestServices.config(), RestartPolicy.standard())) {
            owner.start();
            assertTrue(owner.awaitState(ServiceState.READY, TestServices.SERVICE_BOUND));
            es.cesta.config.AppConfig attached = es.cesta.config.AppConfig.load(
                    TestServices.SERVICE_DIR,
                    java.util.Map.of(
                            "INTELLIGENCE_SERVICE_URL",
                            owner.baseUri().toString(),
                            "INTELLIGENCE_API_KEY",
                            owner.apiKey()),
                    null);
            try (ServiceSupervisor guest = new ServiceSupervisor(attached, RestartPolicy.standard())) {
                guest.start();
                assertTrue(guest.awaitState(ServiceState.READY, TestServices.SERVICE_BOUND), guest.lastError());
                assertEquals(-1, guest.servicePid(), "an attached supervisor spawns nothing");
                OcrResult result = new IntelligenceClient(guest).processTicket(UUID.randomUUID(), TICKET);
                assertEquals(new BigDecimal("37.76"), result.total());
            }
        }
    }

    @Test
    void aServiceThatCrashesAtStartEndsFailedWithItsLastLogLines(@TempDir Path temp) throws Exception {
        Path broken = temp.resolve("broken-python");
        Files.writeString(broken, "#!/bin/sh\necho 'ImportError: no module named ocr_service (test)' >&2\nexit 3\n");
        assertTrue(broken.toFile().setExecutable(true));
        List<ServiceState> seen = new CopyOnWriteArrayList<>();
        try (ServiceSupervisor supervisor =
                new ServiceSupervisor(TestServices.config().withPython(broken), TestServices.fastPolicy())) {
            supervisor.addListener(seen::add);
            supervisor.start();
            assertTrue(supervisor.awaitState(ServiceState.FAILED, TestServices.SERVICE_BOUND), seen.toString());
            assertEquals(
                    4, seen.stream().filter(s -> s == ServiceState.RESTARTING).count(), seen.toString());
            assertTrue(
                    supervisor.lastLogLines().stream().anyMatch(l -> l.contains("ImportError")),
                    supervisor.lastLogLines().toString());
            assertTrue(supervisor.lastError().contains("before READY"), supervisor.lastError());
        }
    }

    @Test
    void aMissingServiceExecutableIsNamedInTheFailure(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("no-such-python");
        try (ServiceSupervisor supervisor =
                new ServiceSupervisor(TestServices.config().withPython(missing), TestServices.fastPolicy())) {
            supervisor.start();
            assertFalse(supervisor.awaitSettled(), "a service that cannot start settles as failed");
            assertEquals(ServiceState.FAILED, supervisor.state());
            assertTrue(supervisor.lastError().contains(missing.toString()), supervisor.lastError());
        }
    }

    @Test
    void killing9TheAppJvmLeavesNoServiceProcess() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process app = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Dcesta.serviceDir=" + TestServices.SERVICE_DIR,
                        SupervisedApp.class.getName())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            long servicePid = -1;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("SERVICE_PID=")) {
                    servicePid = Long.parseLong(line.substring("SERVICE_PID=".length()));
                    break;
                }
            }
            assertTrue(servicePid > 0, "the child app never reported a ready service");
            List<ProcessHandle> tree = TestServices.tree(servicePid);
            assertFalse(tree.isEmpty());
            app.destroyForcibly(); // SIGKILL: no shutdown hook runs, only the stdin lifeline remains
            assertTrue(app.waitFor(5, TimeUnit.SECONDS));
            assertTrue(TestServices.allGoneWithin(tree, Duration.ofSeconds(5)), "service outlived its app");
        } finally {
            app.destroyForcibly();
        }
    }

    /** A stand-in for the app: supervise the service, say its pid, wait to be killed. */
    public static final class SupervisedApp {
        public static void main(String[] args) throws Exception {
            ServiceSupervisor supervisor = new ServiceSupervisor(TestServices.config(), RestartPolicy.standard());
            supervisor.start();
            if (!supervisor.awaitState(ServiceState.READY, TestServices.SERVICE_BOUND)) {
                System.out.println("FAILED " + supervisor.lastError());
                System.exit(1);
            }
            System.out.println("SERVICE_PID=" + supervisor.servicePid());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}

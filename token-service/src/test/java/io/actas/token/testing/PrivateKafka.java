package io.actas.token.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A Kafka broker of this test's own — a separate process on 19092/19093, from the jars {@code deploy/local/stack infra}
 * downloads ({@code ../deploy/local/.state/kafka/lib}, relative to the module) — that a test may stop and start again.
 * The shared broker on 9092 is never touched. Its data lives in a temporary directory, so a restart keeps the topics.
 */
public class PrivateKafka implements QuarkusTestResourceLifecycleManager {

    public static final String BOOTSTRAP = "127.0.0.1:19092";
    static final int PORT = 19092;
    static final int CONTROLLER_PORT = 19093;
    static final Path LIB = Path.of("..", "deploy", "local", ".state", "kafka", "lib");

    private static Path home;
    private static Process broker;

    @Override
    public Map<String, String> start() {
        try {
            home = Files.createTempDirectory("actas-private-kafka");
            Files.writeString(home.resolve("server.properties"), String.join("\n",
                    "process.roles=broker,controller", "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + CONTROLLER_PORT,
                    "listeners=PLAINTEXT://127.0.0.1:" + PORT + ",CONTROLLER://127.0.0.1:" + CONTROLLER_PORT,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + PORT, "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "log.dirs=" + home.resolve("data"), "offsets.topic.replication.factor=1",
                    "offsets.topic.num.partitions=1", "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1", "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1", "group.initial.rebalance.delay.ms=0",
                    "auto.create.topics.enable=false", ""));
            run(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
                    home.resolve("server.properties").toString(), "--ignore-formatted"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startBroker();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP))) {
            admin.createTopics(List.of(new NewTopic(ImpersonationEvents.TOPIC, 1, (short) 1),
                    new NewTopic("audit.events", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Topics could not be created on the private broker", e);
        }
        return Map.of("kafka.bootstrap.servers", BOOTSTRAP);
    }

    @Override
    public void stop() {
        stopBroker();
        try (var files = Files.walk(home)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    /** Starts the broker (again) and waits until it accepts connections. */
    public static void startBroker() {
        if (!Files.isDirectory(LIB)) {
            throw new IllegalStateException(LIB.toAbsolutePath() + " is missing: run deploy/local/stack infra first");
        }
        try {
            broker = new ProcessBuilder(java(), "-Xmx256m", "-XX:+UseSerialGC", "-cp", LIB.toAbsolutePath() + "/*",
                    "kafka.Kafka", home.resolve("server.properties").toString())
                    .redirectErrorStream(true).redirectOutput(home.resolve("broker.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!listening()) {
            if (Instant.now().isAfter(deadline) || !broker.isAlive()) {
                throw new IllegalStateException("The private Kafka broker did not start; see " + home.resolve("broker.log"));
            }
            sleep(200);
        }
    }

    /** Stops the broker and waits until its port is closed. */
    public static void stopBroker() {
        if (broker == null) {
            return;
        }
        broker.destroy();
        try {
            if (!broker.waitFor(30, TimeUnit.SECONDS)) {
                broker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        broker = null;
    }

    private static void run(List<String> command) throws IOException {
        List<String> full = new java.util.ArrayList<>(List.of(java(), "-cp", LIB.toAbsolutePath() + "/*"));
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(home.resolve("format.log").toFile()).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("Formatting the private broker's storage failed; see "
                        + home.resolve("format.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", PORT), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}

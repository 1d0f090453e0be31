package io.actas.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.actas.events.Topics;
import io.actas.notification.testing.Directory;
import io.actas.notification.testing.Mailbox;
import io.actas.notification.testing.OrgServiceStub;
import io.actas.notification.testing.SessionEvents;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Restarts the packaged service (target/quarkus-app) in the middle of a stream of session events, against the real
 * Kafka, PostgreSQL and the stack's GreenMail, and checks that every subject gets exactly one mail: nothing lost, nothing
 * repeated. Once stopped the ordinary way (SIGTERM, sends in flight finish) while mails go out, once killed (SIGKILL)
 * while the SMTP server is unreachable, so that the crash hits recorded but unsent work.
 */
class ConsumerRestartIT {

    private static final String KAFKA = "127.0.0.1:9092";
    private static final String DB_URL = "jdbc:postgresql://127.0.0.1:5432/actas_notification_test";
    private static final Duration DELIVERY = Duration.ofSeconds(90);
    private static final OrgServiceStub ORG_SERVICE = new OrgServiceStub();
    private static Map<String, String> stubConfig;
    private static KafkaCompanion kafka;
    private final String group = "notification-restart-it-" + UUID.randomUUID();
    private Process service;
    private int run;

    @BeforeAll
    static void start() {
        stubConfig = ORG_SERVICE.start();
        kafka = new KafkaCompanion(KAFKA);
    }

    @AfterAll
    static void stop() {
        kafka.close();
        ORG_SERVICE.stop();
    }

    /** Never leaves a service process behind, whatever the outcome: it would claim other tests' deliveries. */
    @AfterEach
    void stopLeftover() throws InterruptedException {
        if (service != null && service.isAlive()) {
            stopService(true);
        }
    }

    @Test
    void stoppedMidStreamWhileSendingThenEveryMailOnce() throws Exception {
        startAtEndOfTopic();
        List<Directory> first = directories(15);
        List<Directory> second = directories(15);
        List<SessionEvents> sessions = new ArrayList<>();

        startService(Map.of());
        produce(first, sessions);
        await().atMost(DELIVERY).until(() -> delivered(first) >= 3);
        stopService(false);
        produce(second, sessions);
        startService(Map.of());

        assertEveryoneMailedOnce(first, second, sessions);
        stopService(false);
    }

    @Test
    void killedMidStreamWithWorkRecordedButUnsentThenEveryMailOnce() throws Exception {
        startAtEndOfTopic();
        List<Directory> first = directories(10);
        List<Directory> second = directories(10);
        List<SessionEvents> sessions = new ArrayList<>();

        startService(Map.of("quarkus.mailer.port", String.valueOf(closedPort())));
        produce(first, sessions);
        await().atMost(DELIVERY).until(() -> recordedEvents(sessions) >= 3);
        stopService(true);
        produce(second, sessions);
        startService(Map.of());

        assertEveryoneMailedOnce(first, second, sessions);
        stopService(false);
    }

    private static void assertEveryoneMailedOnce(List<Directory> first, List<Directory> second,
            List<SessionEvents> sessions) throws SQLException {
        List<Directory> all = new ArrayList<>(first);
        all.addAll(second);
        await().atMost(DELIVERY).until(() -> delivered(all) == all.size());
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(8)).until(() -> allExactlyOnce(all));
        assertEquals(all.size(), sentDeliveries(sessions));
    }

    private static List<Directory> directories(int count) {
        List<Directory> directories = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            directories.add(Directory.create());
        }
        return directories;
    }

    private static void produce(List<Directory> directories, List<SessionEvents> sessions) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (Directory directory : directories) {
            SessionEvents session = directory.session();
            sessions.add(session);
            records.add(session.started());
        }
        kafka.produceStrings().fromRecords(records).awaitCompletion();
    }

    private static long delivered(List<Directory> directories) {
        return directories.stream().filter(d -> !Mailbox.of(d.subjectEmail()).isEmpty()).count();
    }

    private static boolean allExactlyOnce(List<Directory> directories) {
        return directories.stream().allMatch(d -> Mailbox.of(d.subjectEmail()).size() == 1);
    }

    /** Gives the fresh consumer group the topic's end offsets, so that the service reads only this test's events. */
    private void startAtEndOfTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA))) {
            Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
            admin.describeTopics(List.of(Topics.IMPERSONATION_EVENTS)).allTopicNames().get()
                    .get(Topics.IMPERSONATION_EVENTS).partitions()
                    .forEach(p -> partitions.put(new TopicPartition(Topics.IMPERSONATION_EVENTS, p.partition()),
                            OffsetSpec.latest()));
            Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
            admin.listOffsets(partitions).all().get().forEach((tp, info) -> ends.put(tp, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(group, ends).all().get();
        }
    }

    private void startService(Map<String, String> overrides) throws IOException {
        Map<String, String> config = new HashMap<>(stubConfig);
        config.put("quarkus.http.port", "0");
        config.put("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:5432/actas_notification_test");
        config.put("quarkus.datasource.jdbc.url", DB_URL);
        config.put("mp.messaging.incoming.impersonation-events.group.id", group);
        config.put("actas.service-client.secret", "test-notification-secret");
        config.put("actas.notification.poll-interval", "1s");
        config.put("actas.notification.retry.initial-backoff", "1s");
        config.put("actas.notification.retry.max-backoff", "2s");
        config.put("actas.notification.retry.max-attempts", "100");
        // work claimed by a killed instance is taken over after the lease (2 minutes by default)
        config.put("actas.notification.lease", "20s");
        config.put("actas.notification.send-timeout", "10s");
        config.put("quarkus.log.console.json.enabled", "false");
        config.putAll(overrides);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx256m");
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().toString());
        File log = Path.of("target", "restart-it-" + group.substring(group.length() - 8) + "-" + (++run) + ".log").toFile();
        service = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    /** SIGTERM (graceful) or SIGKILL (crash), and waits for the process to be gone. */
    private void stopService(boolean kill) throws InterruptedException {
        if (kill) {
            service.destroyForcibly();
        } else {
            service.destroy();
        }
        if (!service.waitFor(30, TimeUnit.SECONDS)) {
            service.destroyForcibly().waitFor();
        }
    }

    private static long recordedEvents(List<SessionEvents> sessions) throws SQLException {
        return count("select count(*) from inbound_event where session_id = any (?)", sessions);
    }

    private static long sentDeliveries(List<SessionEvents> sessions) throws SQLException {
        return count("select count(*) from delivery where status = 'sent' and session_id = any (?)", sessions);
    }

    private static long count(String sql, List<SessionEvents> sessions) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", "actas_notification");
        credentials.setProperty("password", "actas");
        try (Connection db = DriverManager.getConnection(DB_URL, credentials);
                PreparedStatement query = db.prepareStatement(sql)) {
            query.setArray(1, db.createArrayOf("varchar", sessions.stream().map(SessionEvents::sessionId).toArray()));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package io.actas.audit.consumer;

import static io.actas.audit.EventFixtures.json;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.actas.audit.AuditApi;
import io.actas.audit.EventFixtures;
import io.actas.audit.KafkaTestSupport;
import io.actas.audit.StoredRows;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * A consumer that dies after its rows are committed but before its offsets are: Kafka hands the same records to the next
 * consumer of the group, and the store holds each event once, none missing. The test drives the application's own
 * {@link AuditEventConsumer#store} (what the connector calls for every poll) from plain Kafka consumers on a topic of its
 * own, so the application's connector does not read these records too.
 */
@QuarkusTest
class ConsumerCrashTest {

    static final int EVENTS = 40;

    @Inject
    AuditEventConsumer consumer;

    @Inject
    Pool pool;

    String topic;
    String group;

    @BeforeEach
    void createTopic() throws Exception {
        topic = "audit-crash-test-" + UUID.randomUUID();
        group = "audit-crash-test-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestSupport.BOOTSTRAP))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
    }

    @AfterEach
    void deleteTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestSupport.BOOTSTRAP))) {
            admin.deleteTopics(List.of(topic)).all().get();
        }
    }

    @Test
    void consumerKilledBetweenStoreAndCommitLosesNothingAndDoublesNothing() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            EventFixtures imp = EventFixtures.impersonation();
            var event = imp.tokenIssued();
            ids.add(event.id());
            KafkaTestSupport.send(topic, imp.subject, json(event));
        }

        // first consumer: polls everything, stores the first half, then dies before any commit
        Map<String, Long> firstDelivery = new HashMap<>();
        try (KafkaConsumer<String, byte[]> first = consumer()) {
            List<ConsumerRecords<String, byte[]>> polls = pollAll(first, firstDelivery);
            int stored = 0;
            for (ConsumerRecords<String, byte[]> poll : polls) {
                if (stored >= EVENTS / 2) {
                    break;
                }
                consumer.store(poll).await().atMost(Duration.ofSeconds(30));
                stored += poll.count();
            }
            assertTrue(stored > 0 && stored < EVENTS, "the crash happens mid-way: " + stored + " stored");
        } // closed without commitSync: the process died

        // second consumer of the same group: Kafka redelivers every record, the store skips what it holds
        Map<String, Long> secondDelivery = new HashMap<>();
        try (KafkaConsumer<String, byte[]> second = consumer()) {
            for (ConsumerRecords<String, byte[]> poll : pollAll(second, secondDelivery)) {
                consumer.store(poll).await().atMost(Duration.ofSeconds(30));
            }
            second.commitSync();
        }
        assertEquals(firstDelivery, secondDelivery, "the same records, at the same offsets, were delivered again");

        for (String id : ids) {
            assertEquals(1, StoredRows.count(pool, id), "event " + id + " stored exactly once");
        }
        // a third consumer finds nothing left to read: the offsets were committed after the rows
        try (KafkaConsumer<String, byte[]> third = consumer()) {
            third.subscribe(List.of(topic));
            assertEquals(0, third.poll(Duration.ofSeconds(5)).count());
        }
        assertEquals("intact", given().header("Authorization", AuditApi.reader()).get("/api/v1/audit-integrity")
                .then().statusCode(200).extract().jsonPath().getString("status"));
    }

    private List<ConsumerRecords<String, byte[]>> pollAll(KafkaConsumer<String, byte[]> kafka, Map<String, Long> delivered) {
        kafka.subscribe(List.of(topic));
        List<ConsumerRecords<String, byte[]>> polls = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (delivered.size() < EVENTS && System.nanoTime() < deadline) {
            ConsumerRecords<String, byte[]> poll = kafka.poll(Duration.ofMillis(500));
            if (!poll.isEmpty()) {
                polls.add(poll);
                for (ConsumerRecord<String, byte[]> record : poll) {
                    delivered.put(record.partition() + "/" + record.offset(), record.offset());
                }
            }
        }
        assertEquals(EVENTS, delivered.size(), "every record delivered");
        return polls;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestSupport.BOOTSTRAP);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }

}

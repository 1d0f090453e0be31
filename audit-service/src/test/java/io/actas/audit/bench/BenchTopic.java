package io.actas.audit.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.actas.audit.EventFixtures;
import io.actas.audit.KafkaTestSupport;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Before the application starts: a fresh 6-partition topic (like impersonation.events) holding a backlog of
 * {@link #BACKLOG} events, and the application's consumer pointed at it with a fresh group, so the benchmark neither
 * floods the shared topics nor competes with what is on them.
 */
public class BenchTopic implements QuarkusTestResourceLifecycleManager {

    static final int BACKLOG = 50_000;
    static final String TOPIC = "audit-bench-" + UUID.randomUUID();

    @Override
    public Map<String, String> start() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestSupport.BOOTSTRAP))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 6, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("could not create the benchmark topic", e);
        }
        produce(TOPIC, "/bench/backlog", BACKLOG);
        return Map.of("mp.messaging.incoming.events-in.topics", TOPIC,
                "mp.messaging.incoming.events-in.group.id", "audit-bench-" + UUID.randomUUID());
    }

    @Override
    public void stop() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestSupport.BOOTSTRAP))) {
            admin.deleteTopics(List.of(TOPIC)).all().get();
        } catch (Exception e) {
            // a leftover benchmark topic is harmless
        }
    }

    /** Sends {@code count} token-issued events as fast as the producer goes, each timed when it is built. */
    static void produce(String topic, String source, int count) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props())) {
            for (int i = 0; i < count; i++) {
                producer.send(record(topic, source));
            }
            producer.flush();
        }
    }

    static ProducerRecord<String, byte[]> record(String topic, String source) {
        EventFixtures imp = EventFixtures.impersonation().at(java.time.Instant.now());
        var event = imp.tokenIssued();
        String json = EventFixtures.json(event).replace("\"/actas/token-service\"", "\"" + source + "\"");
        return new ProducerRecord<>(topic, imp.subject, json.getBytes(StandardCharsets.UTF_8));
    }

    static java.util.Properties props() {
        java.util.Properties props = KafkaTestSupport.producerProps();
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.ACKS_CONFIG, "1");
        return props;
    }
}

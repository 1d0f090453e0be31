package io.actas.policy.testing;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Reads the real Kafka topics, keeping only records with a key this test created. */
public final class Events {

    public static final String BOOTSTRAP = "127.0.0.1:9092";

    private Events() {
    }

    /** Waits (up to 30 s) for {@code count} records with this key, read from the topic's beginning. */
    public static List<ConsumerRecord<String, String>> await(String topic, String key, int count) {
        KafkaCompanion companion = new KafkaCompanion(BOOTSTRAP);
        try {
            ConsumerTask<String, String> task = companion.consumeStrings().withGroupId("policy-test-" + UUID.randomUUID())
                    .withOffsetReset("earliest")
                    .fromTopics(topic, records -> records.filter(r -> key.equals(r.key())).select().first(count));
            task.awaitCompletion(Duration.ofSeconds(30));
            return task.getRecords();
        } finally {
            companion.close();
        }
    }

    /** The records with this key that arrive within {@code wait}: for asserting that nothing was emitted. */
    public static List<ConsumerRecord<String, String>> within(String topic, String key, Duration wait) {
        KafkaCompanion companion = new KafkaCompanion(BOOTSTRAP);
        try {
            ConsumerTask<String, String> task = companion.consumeStrings().withGroupId("policy-test-" + UUID.randomUUID())
                    .withOffsetReset("earliest")
                    .fromTopics(topic, records -> records.filter(r -> key.equals(r.key())));
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            task.stop();
            return task.getRecords();
        } finally {
            companion.close();
        }
    }
}

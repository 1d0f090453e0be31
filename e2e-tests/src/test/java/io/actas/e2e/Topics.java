package io.actas.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the suite's Kafka topics the way a security team's consumer would: from the beginning, filtered by key. */
final class Topics {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Topics() {
    }

    /** The CloudEvents on {@code topic} whose record key is {@code key}, waiting until at least {@code atLeast} arrived. */
    static List<Map<String, Object>> read(String topic, String key, Duration timeout, int atLeast) {
        return read(topic, key, timeout, events -> events.size() >= atLeast);
    }

    /** The CloudEvents of {@code topic} keyed {@code key}, read until {@code done} holds for them. */
    static List<Map<String, Object>> read(String topic, String key, Duration timeout,
            Predicate<List<Map<String, Object>>> done) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Suite.KAFKA);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<Map<String, Object>> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline) && !done.test(events)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        events.add(parse(record.value()));
                    }
                }
            }
        }
        if (!done.test(events)) {
            throw new AssertionError("the awaited events keyed " + key + " did not arrive on " + topic + "; got " + events);
        }
        return events;
    }

    private static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<>() {
            });
        } catch (Exception e) {
            throw new AssertionError("not JSON on the topic: " + json, e);
        }
    }
}

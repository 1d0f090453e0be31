package io.actas.org;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Reads CloudEvents back from the real Kafka topics. Other tests and a running stack share the topics, so every read
 * filters on ids the calling test created.
 */
public final class Events {

    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final KafkaCompanion KAFKA = new KafkaCompanion("127.0.0.1:9092");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Events() {
    }

    /** Waits for {@code count} records of {@code topic} whose event matches, reading from the beginning. */
    public static List<Event> await(String topic, int count, Predicate<JsonNode> match) {
        try (ConsumerTask<String, String> task = consume(topic, match)) {
            task.awaitRecords(count, TIMEOUT);
            return task.getRecords().stream().map(Event::of).toList();
        }
    }

    /** Waits for {@code count} matching records, then checks that no further one arrives within {@code quiet}. */
    public static List<Event> awaitExactly(String topic, int count, Predicate<JsonNode> match, Duration quiet) {
        try (ConsumerTask<String, String> task = consume(topic, match)) {
            task.awaitRecords(count, TIMEOUT);
            sleep(quiet);
            List<Event> events = task.getRecords().stream().map(Event::of).toList();
            if (events.size() != count) {
                throw new AssertionError("expected " + count + " events on " + topic + ", got " + events);
            }
            return events;
        }
    }

    private static void sleep(Duration quiet) {
        try {
            Thread.sleep(quiet.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Matches events whose {@code data.<field>} equals {@code value}. */
    public static Predicate<JsonNode> dataField(String field, String value) {
        return event -> value.equals(event.path("data").path(field).asText(null));
    }

    public static Predicate<JsonNode> type(String type) {
        return event -> type.equals(event.path("type").asText(null));
    }

    private static ConsumerTask<String, String> consume(String topic, Predicate<JsonNode> match) {
        return KAFKA.consumeStrings().withOffsetReset("earliest")
                .fromTopics(topic, records -> records.filter(record -> match.test(parse(record.value()))));
    }

    private static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (JsonProcessingException e) {
            return JSON.missingNode();
        }
    }

    /** A record: its key and its CloudEvent. */
    public record Event(String key, JsonNode event) {

        static Event of(ConsumerRecord<String, String> record) {
            return new Event(record.key(), parse(record.value()));
        }

        public JsonNode data() {
            return event.path("data");
        }
    }
}

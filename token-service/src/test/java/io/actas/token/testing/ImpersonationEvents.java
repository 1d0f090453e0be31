package io.actas.token.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.core.json.JsonObject;

/**
 * Reads {@code impersonation.events} back from Kafka (from the beginning, with a fresh group), keeping what the test
 * asks for — topics are shared with other tests and a running stack, so tests filter on ids they created.
 */
public final class ImpersonationEvents implements AutoCloseable {

    public static final String TOPIC = "impersonation.events";

    private final KafkaCompanion companion;
    private final ConsumerTask<String, String> task;

    private ImpersonationEvents(String bootstrapServers) {
        this.companion = new KafkaCompanion(bootstrapServers);
        this.task = companion.consumeStrings().withOffsetReset("earliest").fromTopics(TOPIC);
    }

    public static ImpersonationEvents read() {
        return read("127.0.0.1:9092");
    }

    public static ImpersonationEvents read(String bootstrapServers) {
        return new ImpersonationEvents(bootstrapServers);
    }

    /** Waits until {@code count} events match; returns them (with their Kafka key under {@code _key}). */
    public List<JsonObject> await(Predicate<JsonObject> match, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<JsonObject> found = List.of();
        while (Instant.now().isBefore(deadline)) {
            found = matching(match);
            if (found.size() >= count) {
                return found;
            }
            sleep();
        }
        throw new AssertionError("Expected " + count + " matching events on " + TOPIC + " within " + timeout + ", found "
                + found.size() + ": " + found);
    }

    /** The events that match now. */
    public List<JsonObject> matching(Predicate<JsonObject> match) {
        return task.getRecords().stream().map(ImpersonationEvents::event).filter(match).toList();
    }

    /** Events of one type whose data field has the value. */
    public static Predicate<JsonObject> of(String type, String field, String value) {
        return where(type, field, value);
    }

    /** Events of one type whose data fields have the values: {@code where(type, "clientId", id, "reasonCode", code)}. */
    public static Predicate<JsonObject> where(String type, String... fieldsAndValues) {
        return event -> {
            if (!type.equals(event.getString("type"))) {
                return false;
            }
            JsonObject data = event.getJsonObject("data", new JsonObject());
            for (int i = 0; i + 1 < fieldsAndValues.length; i += 2) {
                if (!fieldsAndValues[i + 1].equals(data.getString(fieldsAndValues[i]))) {
                    return false;
                }
            }
            return true;
        };
    }

    private static JsonObject event(ConsumerRecord<String, String> record) {
        try {
            return new JsonObject(record.value()).put("_key", record.key());
        } catch (RuntimeException e) {
            return new JsonObject();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        task.close();
        companion.close();
    }
}

package io.actas.token.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.vertx.core.json.JsonObject;

/**
 * Reads {@code impersonation.events} back from Kafka — topics are shared with other tests and a running stack, so tests
 * filter on ids they created. {@link #read()} starts at the current end of every partition (positions resolved before it
 * returns, so nothing produced afterwards is missed, and a long topic is not re-read); {@link #readAll} from the
 * beginning.
 */
public final class ImpersonationEvents implements AutoCloseable {

    public static final String TOPIC = "impersonation.events";

    private final KafkaConsumer<String, String> consumer;
    private final List<JsonObject> events = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    private ImpersonationEvents(String bootstrapServers, boolean fromBeginning) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        partitions.forEach(partition -> consumer.position(partition, Duration.ofSeconds(30)));
        poller = new Thread(this::poll, "impersonation-events-reader");
        poller.setDaemon(true);
        poller.start();
    }

    /** From now on, on the shared broker. */
    public static ImpersonationEvents read() {
        return new ImpersonationEvents("127.0.0.1:9092", false);
    }

    /** Everything the topic holds, on the given broker. */
    public static ImpersonationEvents readAll(String bootstrapServers) {
        return new ImpersonationEvents(bootstrapServers, true);
    }

    /** From now on, on the given broker. */
    public static ImpersonationEvents read(String bootstrapServers) {
        return new ImpersonationEvents(bootstrapServers, false);
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    events.add(event(record));
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            // a broker that went away: the reader stops; tests that restart brokers read afresh
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
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
        return events.stream().filter(match).toList();
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
        running = false;
        consumer.wakeup();
        try {
            poller.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

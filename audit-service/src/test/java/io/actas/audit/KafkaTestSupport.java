package io.actas.audit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Talks to the real Kafka broker the way other services and kcat users do. */
public final class KafkaTestSupport {

    public static final String BOOTSTRAP = "127.0.0.1:9092";

    private KafkaTestSupport() {
    }

    /** Sends records and waits until the broker has acknowledged every one. */
    public static void send(String topic, String key, String... values) {
        List<byte[]> bytes = new ArrayList<>();
        for (String value : values) {
            bytes.add(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        }
        sendBytes(topic, key, bytes);
    }

    public static void sendBytes(String topic, String key, List<byte[]> values) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps())) {
            List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
            for (byte[] value : values) {
                acks.add(producer.send(new ProducerRecord<>(topic, key, value)));
            }
            for (java.util.concurrent.Future<?> ack : acks) {
                ack.get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("Kafka did not take the test records", e);
        }
    }

    public static Properties producerProps() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return props;
    }

    /** Where each partition of {@code topic} ends now; {@link #readFrom} reads what is written after. */
    public static Map<TopicPartition, Long> endOffsets(String topic) {
        try (KafkaConsumer<String, String> consumer = stringConsumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions);
        }
    }

    /** Reads from the given positions until a record matches, or fails after {@code timeout}. */
    public static ConsumerRecord<String, String> readFrom(Map<TopicPartition, Long> positions,
            Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        try (KafkaConsumer<String, String> consumer = stringConsumer()) {
            consumer.assign(positions.keySet());
            positions.forEach(consumer::seek);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(record)) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no matching record arrived within " + timeout);
    }

    private static KafkaConsumer<String, String> stringConsumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(props);
    }
}

package io.actas.token.outbox;

import java.time.Duration;
import java.util.Properties;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.actas.token.impersonation.ImpersonationConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The Kafka producer of the outbox relay: idempotent ({@code enable.idempotence}), {@code acks=all}, so a record Kafka
 * acknowledged is on every in-sync replica and a retried send is not written twice. A send completes only once Kafka
 * acknowledged it; while Kafka is down it fails after {@code actas.impersonation.outbox.delivery-timeout}, and the row
 * stays in the outbox.
 */
@ApplicationScoped
public class ImpersonationEventProducer {

    private static final int LINGER_MS = 5;
    private static final int REQUEST_TIMEOUT_MS = 10_000;

    private final KafkaProducer<String, String> producer;

    public ImpersonationEventProducer(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            ImpersonationConfig impersonation) {
        Duration deliveryTimeout = impersonation.outbox().deliveryTimeout();
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "token-service-outbox");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms
        int requestTimeout = (int) Math.min(deliveryTimeout.toMillis(), REQUEST_TIMEOUT_MS);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeout);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                (int) Math.max(deliveryTimeout.toMillis(), requestTimeout + LINGER_MS));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, requestTimeout);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.producer = new KafkaProducer<>(config);
    }

    /** Sends one record; the Uni completes when Kafka acknowledged it. Runs off the event loop (send may block). */
    public Uni<Void> send(String topic, String key, String value) {
        return Uni.createFrom().<Void> emitter(emitter -> producer.send(new ProducerRecord<>(topic, key, value),
                (metadata, failure) -> {
                    if (failure != null) {
                        emitter.fail(failure);
                    } else {
                        emitter.complete(null);
                    }
                }))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}

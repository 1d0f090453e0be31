package io.actas.audit.consumer;

/** A Kafka record that is not a storable CloudEvent, kept with the reason. */
public record RejectedRecord(String topic, int partition, long offset, String key, byte[] value, String reason) {
}

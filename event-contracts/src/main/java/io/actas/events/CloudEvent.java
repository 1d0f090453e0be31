package io.actas.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A CloudEvents 1.0 event in structured JSON mode ({@code application/cloudevents+json}).
 *
 * @param specversion always {@link #SPEC_VERSION}
 * @param id unique per event; every consumer is idempotent on it
 * @param source the producing service, e.g. {@code /actas/token-service}
 * @param type one of {@link EventTypes}
 * @param subject the user the event is about (also the Kafka key), when there is one
 * @param time when the described change happened
 * @param datacontenttype always {@code application/json}
 * @param dataschema the schema of {@code data}, {@code urn:actas:schema:<type>}
 * @param data the payload record
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent<T>(String specversion, String id, String source, String type, String subject, Instant time,
        String datacontenttype, String dataschema, T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";
    public static final String CONTENT_TYPE = "application/cloudevents+json";
    public static final String SCHEMA_PREFIX = "urn:actas:schema:";
}

package io.actas.audit.chain;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The hash of a stored event: lowercase hex SHA-256 of the UTF-8 bytes of the canonical JSON object
 *
 * <pre>
 * { "actorId", "clientId", "event", "id", "organizationId", "origin", "outcome", "prevHash", "receivedAt", "seq",
 *         "sessionId", "source", "subjectId", "time", "type" }
 * </pre>
 *
 * members in that (sorted) order, absent columns as {@code null}, {@code event} in {@link CanonicalJson} form, times as
 * {@code yyyy-MM-ddTHH:mm:ss.SSSSSSZ} in UTC. Every column but {@code hash} is covered, so editing any of them, or
 * {@code prevHash}, shows.
 */
public final class ChainHash {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private ChainHash() {
    }

    /**
     * @param canonicalEvent {@code row.event()} in {@link CanonicalJson} form
     */
    public static String of(StoredEvent row, String canonicalEvent) {
        StringWriter out = new StringWriter(canonicalEvent.length() + 512);
        try (JsonGenerator json = CanonicalJson.mapper().getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("actorId", row.actorId());
            json.writeStringField("clientId", row.clientId());
            json.writeFieldName("event");
            json.writeRawValue(canonicalEvent);
            json.writeStringField("id", row.id());
            json.writeStringField("organizationId", row.organizationId());
            json.writeStringField("origin", row.origin());
            json.writeStringField("outcome", row.outcome());
            json.writeStringField("prevHash", row.prevHash());
            json.writeStringField("receivedAt", time(row.receivedAt()));
            json.writeNumberField("seq", row.seq());
            json.writeStringField("sessionId", row.sessionId());
            json.writeStringField("source", row.source());
            json.writeStringField("subjectId", row.subjectId());
            json.writeStringField("time", time(row.time()));
            json.writeStringField("type", row.type());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sha256(out.toString());
    }

    private static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

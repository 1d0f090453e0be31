package io.actas.audit.event;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.actas.audit.chain.StoredEvent;

/**
 * The export formats: NDJSON, one {@link AuditEventView} per line, and CSV (RFC 4180, header first, the CloudEvent as a
 * JSON text in the last column). Values are written as stored: a spreadsheet user should import the file as text rather
 * than open it, since fields such as {@code path} come from applications.
 */
public enum ExportFormat {

    NDJSON("application/x-ndjson", "ndjson"),
    CSV("text/csv", "csv");

    static final List<String> CSV_COLUMNS = List.of("seq", "id", "time", "type", "source", "actor_id", "subject_id",
            "organization_id", "client_id", "session_id", "outcome", "origin", "received_at", "prev_hash", "hash", "event");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The line written before the first event, or {@code null}. */
    String header() {
        return this == CSV ? String.join(",", CSV_COLUMNS) + "\r\n" : null;
    }

    String line(StoredEvent e, ObjectMapper mapper) {
        if (this == NDJSON) {
            try {
                return mapper.writeValueAsString(AuditEventView.of(e)) + "\n";
            } catch (JsonProcessingException failure) {
                throw new IllegalStateException("a stored event could not be written as JSON", failure);
            }
        }
        return Stream.of(String.valueOf(e.seq()), e.id(), text(e.time()), e.type(), e.source(), e.actorId(), e.subjectId(),
                e.organizationId(), e.clientId(), e.sessionId(), e.outcome(), e.origin(), text(e.receivedAt()),
                e.prevHash(), e.hash(), e.event())
                .map(ExportFormat::csv)
                .collect(Collectors.joining(",", "", "\r\n"));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** @return the format named by {@code format}, or {@code null} when there is none of that name */
    static ExportFormat named(String format) {
        for (ExportFormat candidate : values()) {
            if (candidate.extension.equalsIgnoreCase(format)) {
                return candidate;
            }
        }
        return null;
    }
}

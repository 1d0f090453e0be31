package io.actas.audit.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.actas.audit.AuditConfig;
import io.actas.support.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Reads for security teams: parameters checked here (400 with the parameter's name), SQL in the repository. */
@ApplicationScoped
public class AuditQueryService {

    private static final Pattern TYPE = Pattern.compile("[A-Za-z0-9._-]{1,200}\\*?");
    private static final Set<String> OUTCOMES = Set.of("success", "failure", "denied");
    private static final DateTimeFormatter RFC_3339 = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_OFFSET_DATE_TIME).toFormatter();

    private final AuditEventRepository events;
    private final ObjectMapper mapper;
    private final AuditConfig config;

    public AuditQueryService(AuditEventRepository events, ObjectMapper mapper, AuditConfig config) {
        this.events = events;
        this.mapper = mapper;
        this.config = config;
    }

    /** The raw query parameters, as the resource received them. */
    public record Parameters(String actor, String subject, String organization, String client, String session,
            List<String> types, String outcome, String from, String to, String impersonated) {
    }

    public Uni<AuditEventPage> page(Parameters parameters, String cursor, String limit) {
        AuditEventFilter filter = filter(parameters);
        PageCursor after = cursor == null || cursor.isBlank() ? null : PageCursor.decode(cursor);
        int size = limit(limit);
        return events.page(filter, after, size + 1).map(rows -> {
            boolean more = rows.size() > size;
            List<AuditEventView> items = rows.stream().limit(size).map(AuditEventView::of).toList();
            String next = more ? new PageCursor(rows.get(size - 1).time(), rows.get(size - 1).seq()).encode() : null;
            return new AuditEventPage(items, next);
        });
    }

    public Uni<AuditEventView> byId(String id) {
        return events.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Audit event", id))
                .map(AuditEventView::of);
    }

    /** Checks the format before anything streams, so a bad request still gets its 400. */
    public ExportFormat format(String format) {
        ExportFormat named = ExportFormat.named(format == null ? "ndjson" : format);
        if (named == null) {
            throw ProblemException.badRequest("format must be ndjson or csv.");
        }
        return named;
    }

    /** The export's lines, header first; rows are read from the database only as the response is written. */
    public Multi<String> export(ExportFormat format, Parameters parameters) {
        AuditEventFilter filter = filter(parameters);
        Multi<String> lines = events.stream(filter).map(event -> format.line(event, mapper));
        String header = format.header();
        return header == null ? lines : Multi.createBy().concatenating().streams(Multi.createFrom().item(header), lines);
    }

    AuditEventFilter filter(Parameters p) {
        List<String> types = p.types() == null ? List.of() : p.types().stream().filter(t -> !t.isBlank()).toList();
        for (String type : types) {
            if (!TYPE.matcher(type).matches()) {
                throw ProblemException.badRequest("type must be an event type such as io.actas.impersonation.session.started,"
                        + " or a prefix ending in * such as io.actas.resource.*");
            }
        }
        String outcome = blankToNull(p.outcome());
        if (outcome != null && !OUTCOMES.contains(outcome)) {
            throw ProblemException.badRequest("outcome must be success, failure or denied.");
        }
        Instant from = time("from", p.from());
        Instant to = time("to", p.to());
        if (from != null && to != null && !from.isBefore(to)) {
            throw ProblemException.badRequest("from must be before to.");
        }
        String impersonated = blankToNull(p.impersonated());
        if (impersonated != null && !impersonated.equals("true") && !impersonated.equals("false")) {
            throw ProblemException.badRequest("impersonated must be true or false.");
        }
        return new AuditEventFilter(blankToNull(p.actor()), blankToNull(p.subject()), blankToNull(p.organization()),
                blankToNull(p.client()), blankToNull(p.session()), types, outcome, from, to,
                impersonated == null ? null : Boolean.valueOf(impersonated));
    }

    private int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return config.defaultPageSize();
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= config.maxPageSize()) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("limit must be a number from 1 to " + config.maxPageSize() + ".");
    }

    private static Instant time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value, RFC_3339).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name + " must be an RFC 3339 timestamp, e.g. 2025-01-31T00:00:00Z.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

package io.actas.audit.event;

import static io.actas.audit.AuditApi.EVENTS;
import static io.actas.audit.AuditApi.awaitStored;
import static io.actas.audit.EventFixtures.json;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.actas.audit.AuditApi;
import io.actas.audit.EventFixtures;
import io.actas.audit.KafkaTestSupport;
import io.actas.events.CloudEvent;
import io.actas.events.ResourceEvent;
import io.actas.events.Topics;
import io.quarkus.test.junit.QuarkusTest;

/** Exports of a time range, parsed back, hold exactly the events the search shows, oldest first. */
@QuarkusTest
class AuditEventExportTest {

    static final String AWKWARD_PATH = "/api/v1/users/u-1,\"quoted\"\nnext line";

    @Test
    void ndjsonExportParsesBackToTheStoredEvents() throws Exception {
        Range range = publishRange();
        String body = export("ndjson", range).then().statusCode(200)
                .contentType("application/x-ndjson").extract().asString();

        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            lines.add(EventFixtures.JSON.readTree(line));
        }
        assertEquals(range.ids(), lines.stream().map(l -> l.get("id").asText()).toList(), "oldest first");
        for (JsonNode line : lines) {
            JsonNode stored = EventFixtures.JSON.readTree(given().header("Authorization", AuditApi.reader())
                    .get(EVENTS + "/" + line.get("id").asText()).asString());
            assertEquals(stored, line, "an export line is the event as GET shows it");
        }
        assertEquals(AWKWARD_PATH, lines.get(2).at("/event/data/path").asText());
    }

    @Test
    void csvExportParsesBackWithQuotesCommasAndNewlines() throws Exception {
        Range range = publishRange();
        String body = export("csv", range).then().statusCode(200).contentType("text/csv")
                .header("Content-Disposition", "attachment; filename=\"audit-events.csv\"").extract().asString();

        List<List<String>> rows = Rfc4180.parse(body);
        assertEquals(ExportFormat.CSV_COLUMNS, rows.get(0));
        List<List<String>> events = rows.subList(1, rows.size());
        assertEquals(range.ids(), events.stream().map(r -> r.get(1)).toList());
        for (List<String> row : events) {
            assertEquals(ExportFormat.CSV_COLUMNS.size(), row.size());
            var stored = awaitStored(row.get(1));
            assertEquals(stored.getString("actorId"), row.get(5));
            assertEquals(stored.getString("hash"), row.get(14));
            JsonNode event = EventFixtures.JSON.readTree(row.get(15));
            assertEquals(row.get(1), event.get("id").asText());
        }
        assertEquals(AWKWARD_PATH, EventFixtures.JSON.readTree(events.get(2).get(15)).at("/data/path").asText());
    }

    @Test
    void unknownFormatIs400() {
        given().header("Authorization", AuditApi.reader()).queryParam("format", "xml").get(EVENTS + "/export")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static io.restassured.response.Response export(String format, Range range) {
        return given().header("Authorization", AuditApi.reader())
                .queryParams(Map.of("format", format, "from", range.from().toString(), "to", range.to().toString()))
                .get(EVENTS + "/export");
    }

    /** Five events of one impersonation in a time range of their own, oldest first. */
    private static Range publishRange() {
        EventFixtures imp = EventFixtures.impersonation();
        Instant base = EventFixtures.uniqueBase();
        List<CloudEvent<?>> events = List.of(imp.at(base).sessionStarted("export, \"quoted\""),
                imp.at(base.plusSeconds(1)).tokenIssued(),
                imp.at(base.plusSeconds(2)).resourceModified(AWKWARD_PATH, ResourceEvent.SUCCESS),
                imp.at(base.plusSeconds(3)).resourceModified("/api/v1/users/u-2", ResourceEvent.FAILURE),
                imp.at(base.plusSeconds(4)).sessionEnded());
        // published newest first: the export orders by event time, not arrival
        KafkaTestSupport.send(Topics.IMPERSONATION_EVENTS, imp.subject,
                events.reversed().stream().map(EventFixtures::json).toArray(String[]::new));
        events.forEach(e -> awaitStored(e.id()));
        assertTrue(json(events.get(0)).contains("quoted"));
        return new Range(base, base.plusSeconds(5), events.stream().map(CloudEvent::id).toList());
    }

    record Range(Instant from, Instant to, List<String> ids) {
    }

    /** A strict RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
    static final class Rfc4180 {

        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    i++;
                } else {
                    field.append(c);
                }
            }
            if (!row.isEmpty() || field.length() > 0) {
                throw new AssertionError("the last record does not end with CRLF");
            }
            return rows;
        }
    }
}

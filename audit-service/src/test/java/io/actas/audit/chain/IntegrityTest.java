package io.actas.audit.chain;

import static io.actas.audit.AuditApi.awaitStored;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.actas.audit.AuditApi;
import io.actas.audit.EventFixtures;
import io.actas.audit.KafkaTestSupport;
import io.actas.events.CloudEvent;
import io.actas.events.Topics;
import io.actas.support.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Edits made directly in PostgreSQL, past the append-only trigger, are found by GET /api/v1/audit-integrity. */
@QuarkusTest
class IntegrityTest {

    static final String INTEGRITY = "/api/v1/audit-integrity";

    @Inject
    Pool pool;

    @Test
    void editedColumnIsNamedAsTheFirstBrokenLinkAndRestoringItHeals() {
        CloudEvent<?> target = storedEvents().get(1);
        long seq = awaitStored(target.id()).getLong("seq");
        assertEquals("intact", integrity().getString("status"));

        tamper("UPDATE audit_event SET actor_id = 'someone-else' WHERE id = $1", target.id());
        try {
            JsonPath report = integrity();
            assertEquals("broken", report.getString("status"));
            assertEquals(seq, report.getLong("firstBrokenLink.seq"));
            assertEquals(target.id(), report.getString("firstBrokenLink.eventId"));
            assertEquals("hash_mismatch", report.getString("firstBrokenLink.problem"));
            assertEquals(seq - report.getLong("firstSeq"), report.getLong("verifiedEvents"),
                    "every event before the edited one verified");
        } finally {
            tamper("UPDATE audit_event SET actor_id = event->'data'->'act'->>'sub' WHERE id = $1", target.id());
        }
        assertEquals("intact", integrity().getString("status"));
    }

    @Test
    void editedEventRehashedByTheAttackerBreaksTheNextLink() {
        CloudEvent<?> target = storedEvents().get(0);
        long seq = awaitStored(target.id()).getLong("seq");
        StoredEvent original = row(target.id());
        String forged = original.event().replace("\"reason\": \"fixture\"", "\"reason\": \"nothing to see\"");
        assertTrue(!forged.equals(original.event()), "the forgery changes the stored reason");
        StoredEvent edited = new StoredEvent(original.seq(), original.id(), original.type(), original.source(),
                original.time(), original.actorId(), original.subjectId(), original.organizationId(), original.clientId(),
                original.sessionId(), original.outcome(), original.origin(), original.receivedAt(), forged,
                original.prevHash(), null);
        String forgedHash = ChainHash.of(edited, CanonicalJson.write(parse(forged)));

        tamper("UPDATE audit_event SET event = $2::text::jsonb, hash = $3 WHERE id = $1", target.id(), forged, forgedHash);
        try {
            JsonPath report = integrity();
            assertEquals("broken", report.getString("status"));
            assertEquals(seq + 1, report.getLong("firstBrokenLink.seq"), "the forged row verifies, its successor does not");
            assertEquals("prev_hash_mismatch", report.getString("firstBrokenLink.problem"));
        } finally {
            tamper("UPDATE audit_event SET event = $2::text::jsonb, hash = $3 WHERE id = $1", target.id(),
                    original.event(), original.hash());
        }
        assertEquals("intact", integrity().getString("status"));
    }

    @Test
    void deletedEventIsReportedAsMissing() {
        CloudEvent<?> target = storedEvents().get(1);
        long seq = awaitStored(target.id()).getLong("seq");
        tamper("CREATE TABLE IF NOT EXISTS deleted_copy AS SELECT * FROM audit_event WHERE false");
        tamper("INSERT INTO deleted_copy SELECT * FROM audit_event WHERE id = $1", target.id());
        tamper("DELETE FROM audit_event WHERE id = $1", target.id());
        try {
            JsonPath report = integrity();
            assertEquals("broken", report.getString("status"));
            assertEquals(seq + 1, report.getLong("firstBrokenLink.seq"));
            assertEquals("missing_events", report.getString("firstBrokenLink.problem"));
        } finally {
            tamper("INSERT INTO audit_event SELECT * FROM deleted_copy WHERE id = $1", target.id());
            tamper("DROP TABLE deleted_copy");
        }
        assertEquals("intact", integrity().getString("status"));
    }

    @Test
    void storeRefusesUpdatesAndDeletesWithoutBypassingItsTrigger() {
        CloudEvent<?> target = storedEvents().get(0);
        RuntimeException update = assertThrows(RuntimeException.class, () -> pool.preparedQuery(
                "UPDATE audit_event SET actor_id = 'x' WHERE id = $1").execute(Tuple.of(target.id())).await()
                .atMost(Duration.ofSeconds(5)));
        assertTrue(update.getMessage().contains("append-only"), update.getMessage());
        assertThrows(RuntimeException.class, () -> pool.preparedQuery("DELETE FROM audit_event WHERE id = $1")
                .execute(Tuple.of(target.id())).await().atMost(Duration.ofSeconds(5)));
        assertEquals(target.id(), awaitStored(target.id()).getString("id"));
    }

    @Test
    void integrityNeedsAuditRead() {
        given().get(INTEGRITY).then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("audit:write")).get(INTEGRITY).then().statusCode(403)
                .contentType("application/problem+json");
    }

    private List<CloudEvent<?>> storedEvents() {
        EventFixtures imp = EventFixtures.impersonation();
        List<CloudEvent<?>> events = List.of(imp.sessionStarted("fixture"), imp.tokenIssued(), imp.sessionEnded());
        KafkaTestSupport.send(Topics.IMPERSONATION_EVENTS, imp.subject,
                events.stream().map(EventFixtures::json).toArray(String[]::new));
        events.forEach(e -> awaitStored(e.id()));
        return events;
    }

    private static JsonPath integrity() {
        return given().header("Authorization", AuditApi.reader()).get(INTEGRITY).then().statusCode(200).extract()
                .jsonPath();
    }

    /** What someone with the table owner's rights can do: switch the append-only trigger off, edit, switch it on. */
    private void tamper(String sql, Object... params) {
        pool.withTransaction(conn -> conn.query("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update").execute()
                .chain(() -> conn.preparedQuery(sql).execute(Tuple.from(List.of(params))))
                .chain(() -> conn.query("ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update").execute()))
                .await().atMost(Duration.ofSeconds(10));
    }

    private StoredEvent row(String id) {
        Row row = pool.preparedQuery("SELECT " + ChainRepository.COLUMNS + " FROM audit_event WHERE id = $1")
                .execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(5)).iterator().next();
        return ChainRepository.row(row);
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String json) {
        try {
            return CanonicalJson.parse(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

}

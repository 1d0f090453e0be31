package io.actas.audit.event;

import static io.actas.audit.AuditApi.EVENTS;
import static io.actas.audit.event.IngestRequests.patchInvoice;
import static io.actas.audit.event.IngestRequests.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.actas.audit.AuditApi;
import io.actas.audit.EventFixtures;
import io.actas.audit.KafkaTestSupport;
import io.actas.audit.StoredRows;
import io.actas.events.EventTypes;
import io.actas.events.Topics;
import io.actas.support.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** POST /api/v1/audit-events from a business application, and who may call what. */
@QuarkusTest
class AuditEventIngestTest {

    @Inject
    Pool pool;

    static String writer() {
        return TestTokens.token().subject("billing-app").client("billing-app").scopes("audit:write").bearer();
    }

    @Test
    void reportIsStoredInTheChainAndPublishedWithTheSameId() throws Exception {
        EventFixtures imp = EventFixtures.impersonation();
        var before = KafkaTestSupport.endOffsets(Topics.AUDIT_EVENTS);

        var response = given().header("Authorization", writer()).contentType(ContentType.JSON)
                .body(patchInvoice(imp)).post(EVENTS)
                .then().statusCode(201).extract();
        JsonPath created = response.jsonPath();
        String id = created.getString("id");
        org.hamcrest.MatcherAssert.assertThat(response.header("Location"), endsWith(EVENTS + "/" + id));
        assertEquals(EventTypes.RESOURCE_MODIFIED, created.getString("type"));
        assertEquals(imp.actor, created.getString("actorId"));
        assertEquals(imp.subject, created.getString("subjectId"));
        assertEquals(imp.session, created.getString("sessionId"));
        assertEquals(imp.client, created.getString("clientId"));
        assertEquals(imp.organization, created.getString("organizationId"));
        assertEquals("api:billing-app", created.getString("origin"));
        assertEquals("billing-app", created.getString("event.data.service"));
        assertEquals("/invoices/42", created.getString("event.data.path"));

        ConsumerRecord<String, String> published = KafkaTestSupport.readFrom(before,
                r -> r.value().contains("\"" + id + "\""), Duration.ofSeconds(30));
        JsonNode event = EventFixtures.JSON.readTree(published.value());
        assertEquals(imp.subject, published.key());
        assertEquals(id, event.get("id").asText());
        assertEquals(EventTypes.RESOURCE_MODIFIED, event.get("type").asText());
        assertEquals(imp.actor, event.at("/data/act/sub").asText());
        assertEquals(imp.session, event.at("/data/sessionId").asText());
        assertEquals(200, event.at("/data/status").asInt());

        // the service's own consumer reads the copy too; a later event on the same partition shows it got past it
        var marker = imp.tokenIssued();
        KafkaTestSupport.send(Topics.AUDIT_EVENTS, imp.subject, EventFixtures.json(marker));
        AuditApi.awaitStored(marker.id());
        assertEquals(1, StoredRows.count(pool, id), "the consumer's copy changed nothing");
        assertEquals("api:billing-app", AuditApi.awaitStored(id).getString("origin"));
        assertEquals(0, pool.query("SELECT count(*) FROM audit_publish_queue").execute().await()
                .atMost(Duration.ofSeconds(5)).iterator().next().getLong(0), "nothing left to publish");
    }

    @Test
    void sameIdAgainIsARetryAndDifferentContentIsAConflict() {
        EventFixtures imp = EventFixtures.impersonation();
        String id = "billing-" + UUID.randomUUID();
        Map<String, Object> body = with(with(patchInvoice(imp), "id", id), "time", "2025-01-01T10:00:00Z");
        long seq = given().header("Authorization", writer()).contentType(ContentType.JSON).body(body).post(EVENTS)
                .then().statusCode(201).body("id", equalTo(id)).extract().jsonPath().getLong("seq");

        given().header("Authorization", writer()).contentType(ContentType.JSON).body(body).post(EVENTS)
                .then().statusCode(200).body("seq", equalTo((int) seq));
        given().header("Authorization", writer()).contentType(ContentType.JSON).body(with(body, "path", "/invoices/43"))
                .post(EVENTS)
                .then().statusCode(409).contentType("application/problem+json");
        assertEquals(1, StoredRows.count(pool, id));
    }

    @Test
    void invalidReportsAreRefusedNamingTheField() {
        Map<String, Object> valid = patchInvoice(EventFixtures.impersonation());
        Map<Map<String, Object>, String> cases = Map.of(
                with(valid, "act", null), "act",
                with(valid, "act", Map.of("iss", "x")), "act.sub",
                with(valid, "sub", " "), "sub",
                with(valid, "imp", Map.of()), "imp.sid",
                with(valid, "method", "GET"), "method",
                with(valid, "path", "invoices/42"), "path",
                with(valid, "status", 600), "status",
                with(valid, "outcome", "ok"), "outcome",
                with(valid, "resource", Map.of("id", "42")), "resource.type",
                with(valid, "id", "has space"), "id");
        cases.forEach((body, field) -> given().header("Authorization", writer()).contentType(ContentType.JSON).body(body)
                .post(EVENTS)
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem(field)));

        given().header("Authorization", writer()).contentType(ContentType.JSON).body(with(valid, "subject", "typo"))
                .post(EVENTS).then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", writer()).contentType(ContentType.JSON).body(with(valid, "time", "yesterday"))
                .post(EVENTS).then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", writer()).contentType(ContentType.JSON)
                .body(with(valid, "time", Instant.now().plus(Duration.ofHours(1)).toString()))
                .post(EVENTS).then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", writer()).contentType(ContentType.JSON).body("{\"act\":")
                .post(EVENTS).then().statusCode(400).contentType("application/problem+json");
        assertEquals(0, pool.preparedQuery("SELECT count(*) FROM audit_event WHERE subject_id = $1")
                .execute(Tuple.of(valid.get("sub"))).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0),
                "nothing invalid was stored");
    }

    @Test
    void everyEndpointNeedsATokenWithItsScope() {
        Map<String, Object> body = patchInvoice(EventFixtures.impersonation());
        given().contentType(ContentType.JSON).body(body).post(EVENTS).then().statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("audit:read")).contentType(ContentType.JSON).body(body)
                .post(EVENTS).then().statusCode(403).contentType("application/problem+json");
        for (String path : List.of(EVENTS, EVENTS + "/some-id", EVENTS + "/export")) {
            given().get(path).then().statusCode(401).contentType("application/problem+json");
            given().header("Authorization", writer()).get(path).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().header("Authorization", TestTokens.token().issuer("https://elsewhere").scopes("audit:read").bearer())
                .get(EVENTS).then().statusCode(401);
    }

    @Test
    void unknownIdIs404AndMalformedQueriesAre400() {
        given().header("Authorization", AuditApi.reader()).get(EVENTS + "/no-such-event").then().statusCode(404)
                .contentType("application/problem+json");
        for (Map<String, String> query : List.of(Map.of("from", "last week"), Map.of("to", "2031-13-01T00:00:00Z"),
                Map.of("outcome", "maybe"), Map.of("limit", "0"), Map.of("limit", "many"), Map.of("cursor", "%%%"),
                Map.of("type", "io.actas.*.ended"), Map.of("impersonated", "maybe"),
                Map.of("from", "2031-01-02T00:00:00Z", "to", "2031-01-01T00:00:00Z"))) {
            given().header("Authorization", AuditApi.reader()).queryParams(query).get(EVENTS).then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }

}

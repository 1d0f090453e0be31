package io.actas.audit.retention;

import static io.actas.audit.AuditApi.EVENTS;
import static io.actas.audit.AuditApi.awaitStored;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.actas.audit.AuditApi;
import io.actas.audit.EventFixtures;
import io.actas.audit.KafkaTestSupport;
import io.actas.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Pruning removes a prefix of the chain and leaves an anchor; what remains still verifies. */
@QuarkusTest
class RetentionTest {

    @Inject
    RetentionService retention;

    @Test
    void pruningOldEventsKeepsTheRestVerifiable() {
        EventFixtures imp = EventFixtures.impersonation();
        var old = imp.sessionStarted("old");
        KafkaTestSupport.send(Topics.IMPERSONATION_EVENTS, imp.subject, EventFixtures.json(old));
        long oldSeq = awaitStored(old.id()).getLong("seq");

        RetentionService.Pruned pruned = retention.pruneBefore(Instant.now()).await().atMost(Duration.ofSeconds(30));
        assertTrue(pruned.throughSeq() >= oldSeq, "pruned through " + pruned.throughSeq());
        assertTrue(pruned.count() >= 1);
        given().header("Authorization", AuditApi.reader()).get(EVENTS + "/" + old.id()).then().statusCode(404);

        var fresh = imp.sessionEnded();
        KafkaTestSupport.send(Topics.IMPERSONATION_EVENTS, imp.subject, EventFixtures.json(fresh));
        awaitStored(fresh.id());
        JsonPath report = given().header("Authorization", AuditApi.reader()).get("/api/v1/audit-integrity").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("intact", report.getString("status"));
        assertEquals(pruned.throughSeq(), report.getLong("anchor.throughSeq"));
        assertEquals(pruned.throughSeq() + 1, report.getLong("firstSeq"));
    }

    @Test
    void nothingOlderThanTheCutoffMeansNothingPruned() {
        RetentionService.Pruned pruned = retention.pruneBefore(Instant.parse("2000-01-01T00:00:00Z")).await()
                .atMost(Duration.ofSeconds(30));
        assertEquals(0, pruned.count());
    }
}

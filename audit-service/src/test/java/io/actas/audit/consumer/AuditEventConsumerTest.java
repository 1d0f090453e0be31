package io.actas.audit.consumer;

import static io.actas.audit.AuditApi.awaitStored;
import static io.actas.audit.AuditApi.ids;
import static io.actas.audit.EventFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.actas.audit.AuditApi;
import io.actas.audit.EventFixtures;
import io.actas.audit.KafkaTestSupport;
import io.actas.audit.StoredRows;
import io.actas.events.CloudEvent;
import io.actas.events.EventTypes;
import io.actas.events.ReasonCodes;
import io.actas.events.ResourceEvent;
import io.actas.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Events published on the real topics are stored once each and found again by every filter. */
@QuarkusTest
class AuditEventConsumerTest {

    @Inject
    Pool pool;

    @Test
    void eventsOfEveryTypeAreStoredWithTheirColumns() {
        EventFixtures imp = EventFixtures.impersonation();
        CloudEvent<?> started = imp.sessionStarted("ticket 4711");
        CloudEvent<?> denied = imp.denied(ReasonCodes.PRIVILEGE_CEILING);
        CloudEvent<?> changed = imp.resourceModified("/api/v1/users/u-1", ResourceEvent.SUCCESS);
        KafkaTestSupport.send(Topics.IMPERSONATION_EVENTS, imp.subject, json(started), json(denied));
        KafkaTestSupport.send(Topics.AUDIT_EVENTS, imp.subject, json(changed));

        JsonPath stored = awaitStored(started.id());
        assertEquals(EventTypes.SESSION_STARTED, stored.getString("type"));
        assertEquals(imp.actor, stored.getString("actorId"));
        assertEquals(imp.subject, stored.getString("subjectId"));
        assertEquals(imp.organization, stored.getString("organizationId"));
        assertEquals(imp.client, stored.getString("clientId"));
        assertEquals(imp.session, stored.getString("sessionId"));
        assertEquals("success", stored.getString("outcome"));
        assertEquals("ticket 4711", stored.getString("event.data.reason"));
        assertTrue(stored.getString("origin").startsWith("kafka:impersonation.events/"), stored.getString("origin"));
        assertEquals(64, stored.getString("hash").length());

        assertEquals("denied", awaitStored(denied.id()).getString("outcome"));
        JsonPath change = awaitStored(changed.id());
        assertEquals(imp.actor, change.getString("actorId"), "actor of a resource event is act.sub");
        assertEquals(imp.subject, change.getString("subjectId"), "subject of a resource event is its principal");
        assertEquals("/api/v1/users/u-1", change.getString("event.data.path"));
    }

    @Test
    void everyFilterFindsExactlyTheMatchingEvents() {
        EventFixtures imp = EventFixtures.impersonation();
        Instant base = EventFixtures.uniqueBase();
        CloudEvent<?> started = imp.at(base).sessionStarted("support case");
        CloudEvent<?> issued = imp.at(base.plusSeconds(1)).tokenIssued();
        CloudEvent<?> switched = imp.at(base.plusSeconds(2)).orgSwitched("child-" + imp.organization);
        CloudEvent<?> failed = imp.at(base.plusSeconds(3)).resourceModified("/api/v1/users/u-1", ResourceEvent.FAILURE);
        CloudEvent<?> ended = imp.at(base.plusSeconds(4)).sessionEnded();
        CloudEvent<?> denied = imp.at(base.plusSeconds(5)).denied(ReasonCodes.NO_MATCHING_RULE);
        EventFixtures other = EventFixtures.impersonation();
        CloudEvent<?> unrelated = other.at(base.plusSeconds(2)).sessionStarted(null);
        KafkaTestSupport.send(Topics.IMPERSONATION_EVENTS, imp.subject, json(started), json(issued), json(switched),
                json(ended), json(denied));
        KafkaTestSupport.send(Topics.AUDIT_EVENTS, imp.subject, json(failed));
        KafkaTestSupport.send(Topics.IMPERSONATION_EVENTS, other.subject, json(unrelated));
        for (CloudEvent<?> e : List.of(started, issued, switched, failed, ended, denied, unrelated)) {
            awaitStored(e.id());
        }

        List<String> all = List.of(denied.id(), ended.id(), failed.id(), switched.id(), issued.id(), started.id());
        assertEquals(all, ids(Map.of("actor", imp.actor)), "actor, newest first");
        assertEquals(all, ids(Map.of("subject", imp.subject)));
        assertEquals(List.of(denied.id(), ended.id(), failed.id(), issued.id(), started.id()),
                ids(Map.of("organization", imp.organization)), "the switch happened in the child organization");
        assertEquals(List.of(switched.id()), ids(Map.of("organization", "child-" + imp.organization)));
        assertEquals(all, ids(Map.of("client", imp.client)));
        assertEquals(List.of(ended.id(), failed.id(), switched.id(), issued.id(), started.id()),
                ids(Map.of("session", imp.session)), "a denial has no session");
        assertEquals(List.of(started.id()), ids(Map.of("actor", imp.actor, "type", EventTypes.SESSION_STARTED)));
        assertEquals(List.of(ended.id(), started.id()), ids(Map.of("actor", imp.actor, "type",
                List.of(EventTypes.SESSION_STARTED, EventTypes.SESSION_ENDED))), "type repeats");
        assertEquals(List.of(failed.id()), ids(Map.of("actor", imp.actor, "type", "io.actas.resource.*")), "type prefix");
        assertEquals(List.of(denied.id()), ids(Map.of("actor", imp.actor, "outcome", "denied")));
        assertEquals(List.of(failed.id()), ids(Map.of("actor", imp.actor, "outcome", "failure")));
        assertEquals(List.of(ended.id(), switched.id(), issued.id(), started.id()),
                ids(Map.of("actor", imp.actor, "outcome", "success")));
        assertEquals(List.of(failed.id(), switched.id(), issued.id()), ids(Map.of("actor", imp.actor,
                "from", base.plusSeconds(1).toString(), "to", base.plusSeconds(4).toString())), "from inclusive, to exclusive");
        assertEquals(List.of(failed.id()), ids(Map.of("subject", imp.subject, "type", "io.actas.resource.*",
                "impersonated", "true")), "what was changed while impersonated");
        assertEquals(List.of(), ids(Map.of("subject", imp.subject, "impersonated", "false")));
        assertEquals(Set.of(switched.id(), unrelated.id()), Set.copyOf(ids(Map.of("from", base.plusSeconds(2).toString(),
                "to", base.plusSeconds(3).toString()))), "time range alone");
    }

    @Test
    void cursorPagesThroughEveryEventOnceNewestFirst() {
        EventFixtures imp = EventFixtures.impersonation();
        Instant base = EventFixtures.uniqueBase();
        List<String> published = new java.util.ArrayList<>();
        String[] values = new String[7];
        for (int i = 0; i < values.length; i++) {
            CloudEvent<?> e = imp.at(base.plusSeconds(i % 3)).tokenIssued(); // equal times: seq breaks the tie
            published.add(e.id());
            values[i] = json(e);
        }
        KafkaTestSupport.send(Topics.IMPERSONATION_EVENTS, imp.subject, values);
        published.forEach(AuditApi::awaitStored);

        List<String> seen = new java.util.ArrayList<>();
        List<Instant> times = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, Object> query = new java.util.HashMap<>(Map.of("actor", imp.actor, "limit", 3));
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            JsonPath page = AuditApi.search(query);
            seen.addAll(page.getList("items.id"));
            page.getList("items.time", String.class).forEach(t -> times.add(Instant.parse(t)));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);

        assertEquals(3, pages);
        assertEquals(7, seen.size());
        assertEquals(new java.util.HashSet<>(published), new java.util.HashSet<>(seen), "each event exactly once");
        for (int i = 1; i < times.size(); i++) {
            assertTrue(!times.get(i).isAfter(times.get(i - 1)), "newest first");
        }
    }

    @Test
    void duplicateAndOutOfOrderDeliveriesAreStoredOnce() {
        EventFixtures imp = EventFixtures.impersonation();
        Instant base = EventFixtures.uniqueBase();
        CloudEvent<?> later = imp.at(base.plusSeconds(30)).sessionEnded();
        CloudEvent<?> earlier = imp.at(base).sessionStarted("late arrival");
        // the end arrives before the start; the start is delivered three times, once on the other topic
        KafkaTestSupport.send(Topics.IMPERSONATION_EVENTS, imp.subject, json(later), json(earlier), json(earlier));
        KafkaTestSupport.send(Topics.AUDIT_EVENTS, imp.subject, json(earlier), json(later));
        awaitStored(earlier.id());
        awaitStored(later.id());
        // a marker sent after the repeats on the same partitions: once it is stored, the repeats were consumed
        CloudEvent<?> marker1 = imp.at(base.plusSeconds(60)).tokenIssued();
        CloudEvent<?> marker2 = imp.at(base.plusSeconds(61)).tokenIssued();
        KafkaTestSupport.send(Topics.IMPERSONATION_EVENTS, imp.subject, json(marker1));
        KafkaTestSupport.send(Topics.AUDIT_EVENTS, imp.subject, json(marker2));
        awaitStored(marker1.id());
        awaitStored(marker2.id());

        assertEquals(1, StoredRows.count(pool, earlier.id()));
        assertEquals(1, StoredRows.count(pool, later.id()));
        assertEquals(List.of(marker2.id(), marker1.id(), later.id(), earlier.id()), ids(Map.of("actor", imp.actor)),
                "ordered by event time, not arrival");
    }

    @Test
    void recordsThatAreNotCloudEventsAreKeptAsideWithoutBlockingTheTopic() {
        EventFixtures imp = EventFixtures.impersonation();
        String noId = "{\"specversion\":\"1.0\",\"type\":\"io.actas.impersonation.denied\",\"source\":\"/x\",\"marker\":\""
                + imp.subject + "\"}";
        String nul = json(imp.sessionStarted("with \u0000 inside"));
        CloudEvent<?> good = imp.tokenIssued();
        KafkaTestSupport.sendBytes(Topics.IMPERSONATION_EVENTS, imp.subject, List.of(
                ("not json " + imp.subject).getBytes(StandardCharsets.UTF_8), noId.getBytes(StandardCharsets.UTF_8),
                nul.getBytes(StandardCharsets.UTF_8), json(good).getBytes(StandardCharsets.UTF_8)));

        awaitStored(good.id());
        List<String> reasons = pool.preparedQuery("SELECT reason FROM audit_rejected_record WHERE kafka_key = $1"
                + " ORDER BY kafka_offset").execute(Tuple.of(imp.subject)).await().atMost(Duration.ofSeconds(5))
                .stream().map(row -> row.getString(0)).toList();
        assertEquals(List.of("not JSON", "no id", "a string holds a NUL character"), reasons);
        assertNull(pool.preparedQuery("SELECT id FROM audit_event WHERE subject_id = $1 AND type = $2")
                .execute(Tuple.of(imp.subject, EventTypes.SESSION_STARTED)).await().atMost(Duration.ofSeconds(5))
                .stream().findFirst().orElse(null));
    }

}

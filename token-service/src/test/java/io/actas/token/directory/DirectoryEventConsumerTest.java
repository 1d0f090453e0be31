package io.actas.token.directory;

import static io.actas.token.testing.ImpersonationEvents.where;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.actas.events.CloudEvent;
import io.actas.events.EventTypes;
import io.actas.events.RoleAssignmentRemoved;
import io.actas.events.Topics;
import io.actas.events.UserStatusChanged;
import io.actas.support.testing.TestTokens;
import io.actas.token.testing.AuthorizationServer;
import io.actas.token.testing.Directory;
import io.actas.token.testing.Exchanges;
import io.actas.token.testing.ImpersonationTestSupport;
import io.actas.token.testing.StubbedUpstreams;
import io.actas.token.testing.TestClients;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.core.json.Json;

/** {@code directory.events} from policy-service and org-service end the live sessions they concern, once per event id. */
@QuarkusTest
@WithTestResource(StubbedUpstreams.class)
class DirectoryEventConsumerTest extends ImpersonationTestSupport {

    static KafkaCompanion kafka;

    TestClients.Registered console;
    String samToken;

    @BeforeAll
    static void connect() {
        kafka = new KafkaCompanion("127.0.0.1:9092");
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @BeforeEach
    void setUp() {
        console = TestClients.supportConsole().create();
        samToken = accessToken(console, Directory.SAM, "openid impersonation orgs:read");
    }

    @Test
    void actorLosingARoleWithImpersonationEndsTheirSessions() throws Exception {
        String token = impersonate(Directory.SUE);
        String sid = sid(token);

        publish(EventTypes.ROLE_ASSIGNMENT_REMOVED, Directory.SAM.id(), UUID.randomUUID().toString(), Instant.now(),
                new RoleAssignmentRemoved(Directory.SAM.id(), "role-1", "Impersonator", Directory.ROOT,
                        List.of("impersonation")));

        events.await(where(EventTypes.SESSION_ENDED, "sessionId", sid, "reason", "actor_demoted"), 1,
                Duration.ofSeconds(40));
        assertThat(Exchanges.introspect(console, token)).containsEntry("active", false);
        given().header("Authorization", TestTokens.bearer("sessions:read")).get("/api/v1/impersonation-sessions/" + sid)
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("ended"))
                .body("endReason", org.hamcrest.Matchers.equalTo("actor_demoted"));
    }

    @Test
    void subjectDisabledEndsTheSessionsImpersonatingThemOncePerEventId() throws Exception {
        String first = sid(impersonate(Directory.CAROL));
        String eventId = UUID.randomUUID().toString();
        // dated ahead, so that only idempotency keeps a redelivery from ending a later session
        Instant time = Instant.now().plusSeconds(3600);
        UserStatusChanged disabled = new UserStatusChanged(Directory.CAROL.id(), Directory.ROOT, "active", "disabled");

        publish(EventTypes.USER_STATUS_CHANGED, Directory.CAROL.id(), eventId, time, disabled);
        events.await(where(EventTypes.SESSION_ENDED, "sessionId", first, "reason", "subject_disabled"), 1,
                Duration.ofSeconds(40));

        String second = sid(impersonate(Directory.CAROL));
        assertThat(second).isNotEqualTo(first);
        publish(EventTypes.USER_STATUS_CHANGED, Directory.CAROL.id(), eventId, time, disabled);
        // a later, different event is applied: once it is, the redelivered one has long been seen
        String marker = sid(impersonate(Directory.SUE));
        publish(EventTypes.USER_STATUS_CHANGED, Directory.SUE.id(), UUID.randomUUID().toString(), Instant.now(),
                new UserStatusChanged(Directory.SUE.id(), Directory.ROOT, "active", "locked"));
        events.await(where(EventTypes.SESSION_ENDED, "sessionId", marker), 1, Duration.ofSeconds(40));
        given().header("Authorization", TestTokens.bearer("sessions:read")).get("/api/v1/impersonation-sessions/" + second)
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("active"));
    }

    private void publish(String type, String key, String id, Instant time, Object data) {
        CloudEvent<Object> event = new CloudEvent<>(CloudEvent.SPEC_VERSION, id, "/actas/test", type, key, time,
                CloudEvent.DATA_CONTENT_TYPE, CloudEvent.SCHEMA_PREFIX + type, data);
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.DIRECTORY_EVENTS, key, Json.encode(event)))
                .awaitCompletion(Duration.ofSeconds(20));
    }

    private String impersonate(Directory.User subject) {
        return AuthorizationServer.tokens(Exchanges.as(server, console).subjectUser(subject.id()).actorAccessToken(samToken)
                .scope("orgs:read").send()).getOIDCTokens().getAccessToken().getValue();
    }

}

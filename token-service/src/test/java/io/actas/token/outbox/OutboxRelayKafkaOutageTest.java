package io.actas.token.outbox;

import static io.actas.token.testing.ImpersonationEvents.where;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;

import io.actas.events.EventTypes;
import io.actas.token.testing.AuthorizationServer;
import io.actas.token.testing.Directory;
import io.actas.token.testing.Exchanges;
import io.actas.token.testing.ImpersonationEvents;
import io.actas.token.testing.Logins;
import io.actas.token.testing.PrivateKafka;
import io.actas.token.testing.StubbedUpstreams;
import io.actas.token.testing.Stubs;
import io.actas.token.testing.TestClients;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Kafka stopped mid-run: impersonated tokens are still issued, their events wait in the outbox, and once Kafka is back
 * every one of them arrives, once. Runs against a broker of its own ({@link PrivateKafka}), never the shared one.
 */
@QuarkusTest
@TestProfile(OutboxRelayKafkaOutageTest.OwnKafka.class)
class OutboxRelayKafkaOutageTest {

    public static class OwnKafka implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            // the directory consumer is tested against the shared broker; here only the outbox matters
            return Map.of("mp.messaging.incoming.directory-events.enabled", "false",
                    "actas.impersonation.outbox.delivery-timeout", "5s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PrivateKafka.class), new TestResourceEntry(StubbedUpstreams.class));
        }
    }

    @TestHTTPResource
    URL url;

    @Inject
    Pool pool;

    @Test
    void eventsWrittenWhileKafkaIsDownArriveOnceItIsBack() throws Exception {
        Stubs.up();
        AuthorizationServer server = AuthorizationServer.discover(url);
        TestClients.Registered console = TestClients.supportConsole().create();
        String samToken = Logins.of(server, console, "openid impersonation orgs:read").tokens(Directory.SAM)
                .getOIDCTokens().getAccessToken().getValue();
        String before;
        String sue;
        try (ImpersonationEvents events = ImpersonationEvents.read(PrivateKafka.BOOTSTRAP)) {
            before = sid(impersonate(server, console, samToken, Directory.CAROL));
            events.await(where(EventTypes.SESSION_STARTED, "sessionId", before), 1, Duration.ofSeconds(30));

            PrivateKafka.stopBroker();
            HTTPResponse duringCarol = Exchanges.as(server, console).subjectUser(Directory.CAROL.id())
                    .actorAccessToken(samToken).scope("orgs:read").send();
            HTTPResponse duringSue = Exchanges.as(server, console).subjectUser(Directory.SUE.id())
                    .actorAccessToken(samToken).scope("orgs:read").send();
            assertThat(duringCarol.getStatusCode()).isEqualTo(200);
            assertThat(duringSue.getStatusCode()).isEqualTo(200);
            sue = sid(duringSue);
            Thread.sleep(2_000);
            assertThat(unsent(sue)).isEqualTo(2); // session.started and token.issued wait in the outbox

            PrivateKafka.startBroker();
            events.await(where(EventTypes.SESSION_STARTED, "sessionId", sue), 1, Duration.ofSeconds(90));
            events.await(where(EventTypes.TOKEN_ISSUED, "sessionId", before), 2, Duration.ofSeconds(90));
            events.await(where(EventTypes.TOKEN_ISSUED, "sessionId", sue), 1, Duration.ofSeconds(90));
            awaitNoneUnsent(sue);
        }
        // every event exactly once on the topic, read afresh from the beginning
        try (ImpersonationEvents topic = ImpersonationEvents.readAll(PrivateKafka.BOOTSTRAP)) {
            topic.await(where(EventTypes.TOKEN_ISSUED, "sessionId", sue), 1, Duration.ofSeconds(30));
            Thread.sleep(2_000);
            assertThat(topic.matching(where(EventTypes.SESSION_STARTED, "sessionId", sue))).hasSize(1);
            assertThat(topic.matching(where(EventTypes.TOKEN_ISSUED, "sessionId", sue))).hasSize(1);
            assertThat(topic.matching(where(EventTypes.SESSION_STARTED, "sessionId", before))).hasSize(1);
            assertThat(topic.matching(where(EventTypes.TOKEN_ISSUED, "sessionId", before))).hasSize(2);
        }
    }

    private long unsent(String sessionId) {
        return pool.preparedQuery("select count(*) from outbox_event where sent_at is null and payload like $1")
                .execute(Tuple.of("%" + sessionId + "%")).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    private void awaitNoneUnsent(String sessionId) throws InterruptedException {
        for (int i = 0; i < 100 && unsent(sessionId) > 0; i++) {
            Thread.sleep(200);
        }
        assertThat(unsent(sessionId)).isZero();
    }

    private static HTTPResponse impersonate(AuthorizationServer server, TestClients.Registered console, String samToken,
            Directory.User subject) {
        return Exchanges.as(server, console).subjectUser(subject.id()).actorAccessToken(samToken).scope("orgs:read")
                .send();
    }

    private static String sid(HTTPResponse response) throws Exception {
        String token = AuthorizationServer.tokens(response).getOIDCTokens().getAccessToken().getValue();
        return (String) SignedJWT.parse(token).getJWTClaimsSet().getJSONObjectClaim("imp").get("sid");
    }
}

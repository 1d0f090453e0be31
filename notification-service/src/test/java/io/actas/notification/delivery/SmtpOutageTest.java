package io.actas.notification.delivery;

import static io.actas.notification.testing.SessionEvents.send;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.actas.notification.testing.Api;
import io.actas.notification.testing.ControlledSmtp;
import io.actas.notification.testing.Directory;
import io.actas.notification.testing.OrgServiceStub;
import io.actas.notification.testing.SessionEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** The SMTP server goes away mid-run and comes back: deliveries wait as retrying, then go out once each. */
@QuarkusTest
@WithTestResource(OrgServiceStub.class)
@WithTestResource(ControlledSmtp.class)
class SmtpOutageTest {

    private static KafkaCompanion kafka;

    @BeforeAll
    static void kafka() {
        kafka = new KafkaCompanion("127.0.0.1:9092");
    }

    @AfterAll
    static void close() {
        kafka.close();
        ControlledSmtp.up();
    }

    @Test
    void smtpDownThenRetryingThenDeliveredOnceWhenItIsBack() {
        Directory before = Directory.create();
        send(kafka, before.session().started());
        await().atMost(Duration.ofSeconds(40)).until(() -> ControlledSmtp.messagesTo(before.subjectEmail()).size() == 1);

        ControlledSmtp.down();
        Directory during = Directory.create();
        SessionEvents session = during.session();
        send(kafka, session.started());

        await().atMost(Duration.ofSeconds(40)).until(() -> {
            List<Map<String, Object>> log = Api.deliveries(session.sessionId());
            return log.size() == 1 && "retrying".equals(log.get(0).get("status")) && (int) log.get(0).get("attempts") >= 2;
        });
        Map<String, Object> waiting = Api.deliveries(session.sessionId()).get(0);
        assertTrue(String.valueOf(waiting.get("lastError")).startsWith("The SMTP server is not reachable"),
                () -> "lastError: " + waiting.get("lastError"));
        assertTrue(waiting.containsKey("nextAttemptAt"));
        assertEquals(List.of(), ControlledSmtp.messagesTo(during.subjectEmail()));

        ControlledSmtp.up();

        await().atMost(Duration.ofSeconds(40))
                .until(() -> "sent".equals(Api.deliveries(session.sessionId()).get(0).get("status")));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertEquals(1, ControlledSmtp.messagesTo(during.subjectEmail()).size()));
        assertEquals(1, ControlledSmtp.messagesTo(before.subjectEmail()).size());
    }
}

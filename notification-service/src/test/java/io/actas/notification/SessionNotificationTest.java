package io.actas.notification;

import static io.actas.notification.testing.SessionEvents.send;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.actas.notification.testing.Api;
import io.actas.notification.testing.Directory;
import io.actas.notification.testing.Mailbox;
import io.actas.notification.testing.Mailbox.ReceivedMail;
import io.actas.notification.testing.OrgServiceStub;
import io.actas.notification.testing.SessionEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * From {@code impersonation.events} (real Kafka) to the subject's mailbox (the stack's GreenMail, read through its API),
 * with the inbox and delivery log in the real PostgreSQL. org-service and the token endpoint are stubbed
 * ({@link OrgServiceStub}).
 */
@QuarkusTest
@WithTestResource(OrgServiceStub.class)
class SessionNotificationTest {

    private static final Duration DELIVERY = Duration.ofSeconds(40);
    private static KafkaCompanion kafka;

    @BeforeAll
    static void kafka() {
        kafka = new KafkaCompanion("127.0.0.1:9092");
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void sessionStartedThenSubjectReadsWhoActsThroughWhichApplicationWhenAndWhy() {
        Directory directory = Directory.create();
        SessionEvents session = directory.session().reason("Ticket 4711: cannot see invoices");

        send(kafka, session.started());

        ReceivedMail mail = onlyMail(directory.subjectEmail());
        assertEquals("Alice Support is acting as you in support-console", mail.subject());
        assertEquals("actas@localhost", mail.from());
        assertEquals(session.sessionId(), mail.sessionHeader());
        assertContains(mail.text(), "Hello Bob Example,");
        assertContains(mail.text(),
                "Alice Support started acting as you through support-console in Acme Corp at March 14, 2026 at 09:26 UTC.");
        assertContains(mail.text(), "Reason given: Ticket 4711: cannot see invoices");
        assertContains(mail.text(), session.sessionId());
        assertContains(mail.html(),
                "<strong>Alice Support</strong> started acting as you through <strong>support-console</strong>");

        List<Map<String, Object>> log = Api.deliveries(session.sessionId());
        assertEquals(1, log.size());
        assertEquals("sent", log.get(0).get("status"));
        assertEquals(1, log.get(0).get("attempts"));
        assertEquals(directory.subjectEmail(), log.get(0).get("recipient"));
        assertEquals("subject", log.get(0).get("recipientRole"));
        assertEquals("session-started", log.get(0).get("kind"));
        assertEquals(session.eventId(), log.get(0).get("eventId"));
    }

    @Test
    void sessionWithoutReasonThenNoReasonLine() {
        Directory directory = Directory.create();

        send(kafka, directory.session().started());

        ReceivedMail mail = onlyMail(directory.subjectEmail());
        assertTrue(!mail.text().contains("Reason given"), mail.text());
    }

    @Test
    void reasonWithMarkupThenEscapedInHtmlAndVerbatimInText() {
        Directory directory = Directory.create();

        send(kafka, directory.session().reason("<a href=\"https://evil.example\">click</a>").started());

        ReceivedMail mail = onlyMail(directory.subjectEmail());
        assertContains(mail.html(), "&lt;a href=&quot;https://evil.example&quot;&gt;click&lt;/a&gt;");
        assertTrue(!mail.html().contains("<a href"), mail.html());
        assertContains(mail.text(), "Reason given: <a href=\"https://evil.example\">click</a>");
    }

    @Test
    void sameEventDeliveredTwiceThenOneMail() {
        Directory directory = Directory.create();
        SessionEvents session = directory.session();
        String firstEventId = session.eventId();

        send(kafka, session.started(), session.started());
        // a second session.started of the same session, with an event id of its own
        send(kafka, session.newEventId().started());

        await().atMost(DELIVERY).until(() -> "processed".equals(Api.eventStatus(session.eventId())));
        await().atMost(DELIVERY).until(() -> Mailbox.of(directory.subjectEmail()).size() == 1);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> Mailbox.of(directory.subjectEmail()).size() == 1);
        List<Map<String, Object>> log = Api.deliveries(session.sessionId());
        assertEquals(1, log.size());
        assertEquals(firstEventId, log.get(0).get("eventId"));
        Api.event(session.eventId()).then().body("deliveries.size()", equalTo(0));
    }

    @Test
    void organizationToggleOffThenNoMail() {
        Directory directory = Directory.create();
        Api.settings(directory.organizationId(), false, false, List.of());
        SessionEvents session = directory.session();

        send(kafka, session.started());

        await().atMost(DELIVERY).until(() -> "suppressed".equals(Api.eventStatus(session.eventId())));
        Api.event(session.eventId()).then()
                .body("detail", equalTo("Notifications are disabled for organization " + directory.organizationId()));
        assertEquals(List.of(), Mailbox.of(directory.subjectEmail()));
        assertEquals(List.of(), Api.deliveries(session.sessionId()));
    }

    @Test
    void parentToggleOffThenChildWithoutOwnSettingsSendsNone() {
        String parent = Directory.organization("Acme Holding");
        Directory child = Directory.create(parent);
        Api.settings(parent, false, false, List.of());
        SessionEvents session = child.session();

        send(kafka, session.started());

        await().atMost(DELIVERY).until(() -> "suppressed".equals(Api.eventStatus(session.eventId())));
        Api.event(session.eventId()).then().body("detail", equalTo("Notifications are disabled for organization "
                + child.organizationId() + " (inherited from organization " + parent + ")"));
        assertEquals(List.of(), Mailbox.of(child.subjectEmail()));
    }

    @Test
    void customTemplateThenMailUsesIt() {
        Directory directory = Directory.create();
        Api.template(directory.organizationId(), "session-started", "Heads-up: {actorName} uses your account",
                "<p>{actorName} / {application} / {organization} / {startTime}{#if reason} / {reason}{/if}</p>",
                "{actorName} / {application} / {organization} / {startTime}{#if reason} / {reason}{/if} / {sessionId}");
        SessionEvents session = directory.session().reason("audit");

        send(kafka, session.started());

        ReceivedMail mail = onlyMail(directory.subjectEmail());
        assertEquals("Heads-up: Alice Support uses your account", mail.subject());
        assertEquals("Alice Support / support-console / Acme Corp / March 14, 2026 at 09:26 UTC / audit / "
                + session.sessionId(), mail.text().strip());
        assertContains(mail.html(), "<p>Alice Support / support-console / Acme Corp / March 14, 2026 at 09:26 UTC / audit</p>");
    }

    @Test
    void childOrganizationUsesParentTemplateUnlessItHasItsOwn() {
        String parent = Directory.organization("Acme Holding");
        Directory child = Directory.create(parent);
        Api.template(parent, "session-started", "From the holding: {actorName}", "<p>holding</p>", "holding");

        send(kafka, child.session().started());

        assertEquals("From the holding: Alice Support", onlyMail(child.subjectEmail()).subject());
    }

    @Test
    void securityContactsGetACopy() {
        Directory directory = Directory.create();
        String soc = "soc-" + directory.organizationId() + "@example.test";
        Api.settings(directory.organizationId(), true, false, List.of(soc));
        SessionEvents session = directory.session();

        send(kafka, session.started());

        ReceivedMail toSubject = onlyMail(directory.subjectEmail());
        ReceivedMail toSoc = onlyMail(soc);
        assertEquals(toSubject.subject(), toSoc.subject());
        assertEquals(toSubject.text(), toSoc.text());
        List<Map<String, Object>> log = Api.deliveries(session.sessionId());
        assertEquals(2, log.size());
        assertEquals(List.of("security_contact", "subject"),
                log.stream().map(row -> row.get("recipientRole")).sorted().toList());
    }

    @Test
    void sessionEndedThenMailOnlyWhereTheOrganizationAsksForIt() {
        Directory quiet = Directory.create();
        Directory told = Directory.create();
        Api.settings(told.organizationId(), true, true, List.of());
        SessionEvents quietSession = quiet.session();
        SessionEvents toldSession = told.session();

        send(kafka, quietSession.started(), toldSession.started());
        onlyMail(quiet.subjectEmail());
        onlyMail(told.subjectEmail());
        send(kafka, quietSession.newEventId().ended(), toldSession.newEventId().ended());

        await().atMost(DELIVERY).until(() -> Mailbox.of(told.subjectEmail()).size() == 2);
        ReceivedMail ended = Mailbox.of(told.subjectEmail()).get(1);
        assertEquals("Alice Support stopped acting as you in support-console", ended.subject());
        assertContains(ended.text(), "ended at March 14, 2026 at 09:46 UTC (revoked)");
        await().atMost(DELIVERY).until(() -> "suppressed".equals(Api.eventStatus(quietSession.eventId())));
        assertEquals(1, Mailbox.of(quiet.subjectEmail()).size());
    }

    @Test
    void unusableAddressThenFailedOnceAndCounted() {
        Directory directory = Directory.create();
        OrgServiceStub.user(directory.subjectId(), Directory.SUBJECT_NAME, "not an address", directory.organizationId());
        double before = failedMetric("permanent");
        SessionEvents session = directory.session();

        send(kafka, session.started());

        await().atMost(DELIVERY).until(() -> Api.deliveries(session.sessionId()).stream()
                .anyMatch(row -> "failed".equals(row.get("status"))));
        Map<String, Object> row = Api.deliveries(session.sessionId()).get(0);
        assertEquals(1, row.get("attempts"));
        assertNotNull(row.get("lastError"));
        assertEquals(before + 1, failedMetric("permanent"));
    }

    @Test
    void subjectWithoutAddressThenEventFailedWithReason() {
        Directory directory = Directory.create();
        OrgServiceStub.user(directory.subjectId(), Directory.SUBJECT_NAME, null, directory.organizationId());
        SessionEvents session = directory.session();

        send(kafka, session.started());

        await().atMost(DELIVERY).until(() -> "failed".equals(Api.eventStatus(session.eventId())));
        Api.event(session.eventId()).then()
                .body("detail", equalTo("The user " + directory.subjectId() + " has no e-mail address"));
    }

    @Test
    void orgServiceDownThenEventWaitsAndIsMailedOnceItAnswers() {
        Directory directory = Directory.create();
        SessionEvents session = directory.session();
        OrgServiceStub.unavailable(true);
        try {
            send(kafka, session.started());
            await().atMost(DELIVERY).until(() -> {
                var event = Api.event(session.eventId());
                return event.statusCode() == 200 && event.jsonPath().getInt("attempts") >= 1;
            });
            Api.event(session.eventId()).then().body("status", equalTo("pending"));
            assertEquals(List.of(), Mailbox.of(directory.subjectEmail()));
        } finally {
            OrgServiceStub.unavailable(false);
        }
        onlyMail(directory.subjectEmail());
    }

    @Test
    void unreadableAndForeignRecordsThenTheStreamGoesOn() {
        Directory directory = Directory.create();

        send(kafka, SessionEvents.raw(directory.subjectId(), "this is not JSON"),
                SessionEvents.raw(directory.subjectId(), "{\"specversion\":\"1.0\",\"id\":\"x\",\"type\":\""
                        + "io.actas.impersonation.session.started\",\"data\":{\"sessionId\":\"s\"}}"),
                SessionEvents.raw(directory.subjectId(), "{\"specversion\":\"1.0\",\"id\":\"y\",\"type\":"
                        + "\"io.actas.impersonation.token.issued\",\"data\":{}}"),
                directory.session().started());

        onlyMail(directory.subjectEmail());
    }

    private static ReceivedMail onlyMail(String address) {
        await().atMost(DELIVERY).until(() -> !Mailbox.of(address).isEmpty());
        List<ReceivedMail> mails = Mailbox.of(address);
        assertEquals(1, mails.size(), "mails to " + address);
        return mails.get(0);
    }

    private static double failedMetric(String cause) {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("actas_notifications_failed_total{") && line.contains("cause=\"" + cause + "\"")
                        && line.contains("kind=\"session-started\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static void assertContains(String text, String expected) {
        assertNotNull(text);
        assertTrue(text.contains(expected), () -> "expected to find\n  " + expected + "\nin\n" + text);
    }
}

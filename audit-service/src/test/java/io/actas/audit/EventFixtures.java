package io.actas.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.actas.events.Act;
import io.actas.events.CloudEvent;
import io.actas.events.EventTypes;
import io.actas.events.ImpersonationDenied;
import io.actas.events.OrgSwitched;
import io.actas.events.ResourceEvent;
import io.actas.events.SessionEnded;
import io.actas.events.SessionStarted;
import io.actas.events.TokenIssued;

/**
 * Builds the CloudEvents the producers of ActAs send, from the event-contracts records, around one impersonation: an
 * actor, a subject, a client, an organization and a session, each unique to the fixture so tests can filter on them.
 */
public final class EventFixtures {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public final String actor;
    public final String subject;
    public final String client;
    public final String organization;
    public final String session;
    public Instant time = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private EventFixtures(String tag) {
        this.actor = "actor-" + tag;
        this.subject = "subject-" + tag;
        this.client = "client-" + tag;
        this.organization = "org-" + tag;
        this.session = "sid-" + tag;
    }

    /** A fresh impersonation whose ids no other test uses. */
    public static EventFixtures impersonation() {
        return new EventFixtures(UUID.randomUUID().toString().substring(0, 13));
    }

    /** A base time in the future that no other test (and no earlier run, whose events Kafka may redeliver) uses. */
    public static Instant uniqueBase() {
        return Instant.parse("2031-01-01T00:00:00Z").plusSeconds(java.util.concurrent.ThreadLocalRandom.current()
                .nextLong(1_000_000_000L));
    }

    public EventFixtures at(Instant time) {
        this.time = time;
        return this;
    }

    public Act act() {
        return new Act(actor, "http://localhost:8080", null);
    }

    public CloudEvent<SessionStarted> sessionStarted(String reason) {
        return event(EventTypes.SESSION_STARTED, "token-service", new SessionStarted(session, actor, subject, client,
                organization, "Org", reason, List.of("openid"), "rule-1", "token_exchange", time,
                time.plusSeconds(300), act()));
    }

    public CloudEvent<TokenIssued> tokenIssued() {
        return event(EventTypes.TOKEN_ISSUED, "token-service", new TokenIssued(session, UUID.randomUUID().toString(),
                "access_token", "urn:ietf:params:oauth:grant-type:token-exchange", actor, subject, client, organization,
                List.of("openid"), time, time.plusSeconds(300), act()));
    }

    public CloudEvent<OrgSwitched> orgSwitched(String childOrganization) {
        return event(EventTypes.ORG_SWITCHED, "token-service", new OrgSwitched(session, UUID.randomUUID().toString(), actor,
                subject, client, organization, childOrganization, "Child", List.of("openid"), time.plusSeconds(300), act()));
    }

    public CloudEvent<SessionEnded> sessionEnded() {
        return event(EventTypes.SESSION_ENDED, "token-service", new SessionEnded(session, actor, subject, client, organization,
                SessionEnded.REVOKED, actor, time.minusSeconds(60), time));
    }

    public CloudEvent<ImpersonationDenied> denied(String reasonCode) {
        return event(EventTypes.DENIED, "token-service", new ImpersonationDenied(actor, subject, client, organization,
                reasonCode, "token_exchange", null, null));
    }

    public CloudEvent<ResourceEvent> resourceModified(String path, String outcome) {
        return event(EventTypes.RESOURCE_MODIFIED, "org-service", new ResourceEvent("org-service", "user", "u-1",
                organization, "PATCH", path, ResourceEvent.FAILURE.equals(outcome) ? 409 : 200, outcome, subject, client,
                act(), session));
    }

    public <T> CloudEvent<T> event(String type, String service, T data) {
        return new CloudEvent<>(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), "/actas/" + service, type, subject,
                time, CloudEvent.DATA_CONTENT_TYPE, CloudEvent.SCHEMA_PREFIX + type, data);
    }

    public static String json(Object event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.actas.token.impersonation;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.actas.events.EventTypes;
import io.actas.events.ImpersonationDenied;
import io.actas.token.oauth.OAuthErrors;
import io.actas.token.oauth.OAuthException;
import io.actas.token.outbox.Outbox;
import io.smallrye.mutiny.Uni;

/**
 * The one way an impersonation is refused (STYLE rule 7): the {@code io.actas.impersonation.denied} event with the precise
 * reason code goes into the outbox (its own transaction — call this outside any transaction that the failure rolls back),
 * and the caller gets the vague answer.
 */
@ApplicationScoped
public class Denials {

    private static final Logger LOG = Logger.getLogger(Denials.class);

    private final Outbox outbox;

    public Denials(Outbox outbox) {
        this.outbox = outbox;
    }

    /** RFC 6749 §5.2 / DESIGN §3: the same answer for every policy denial, so no check is revealed. */
    public static OAuthException accessDenied() {
        return new OAuthException(OAuthErrors.ACCESS_DENIED, "The impersonation is not allowed.", 403, null);
    }

    /** Records the denial and fails with {@code answer}. */
    public <T> Uni<T> deny(Attempt attempt, String reasonCode, String ruleId, OAuthException answer) {
        LOG.infof("Impersonation denied (%s): flow %s, client %s", reasonCode, attempt.flow(), attempt.clientId());
        return outbox.append(EventTypes.DENIED, attempt.subjectId(),
                new ImpersonationDenied(attempt.actorId(), attempt.subjectId(), attempt.clientId(),
                        attempt.organizationId(), reasonCode, attempt.flow(), ruleId, attempt.reason()))
                .flatMap(recorded -> Uni.createFrom().<T> failure(answer));
    }

    /** {@link #deny} with the vague {@code access_denied}. */
    public <T> Uni<T> deny(Attempt attempt, String reasonCode) {
        return deny(attempt, reasonCode, null, accessDenied());
    }
}

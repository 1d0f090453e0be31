package io.actas.token.orgswitch;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.actas.events.EventTypes;
import io.actas.events.OrgSwitched;
import io.actas.token.impersonation.Attempt;
import io.actas.token.impersonation.Denials;
import io.actas.token.impersonation.Flows;
import io.actas.token.issue.TokenIssuer;
import io.actas.token.oauth.OAuthErrors;
import io.actas.token.oauth.OAuthException;
import io.actas.token.outbox.Outbox;
import io.actas.token.upstream.OrgClient;
import io.smallrye.mutiny.Uni;

/**
 * What an organization switch announces: the one way it is refused (STYLE rule 7 — for an impersonated input the
 * precise reason code goes into the {@code io.actas.impersonation.denied} event through {@link Denials}; the client
 * gets the vague {@code access_denied}), and the {@code io.actas.impersonation.org.switched} event of an impersonated
 * switch, written to the outbox in the transaction that recorded the new token.
 */
@ApplicationScoped
public class OrgSwitchEvents {

    private static final Logger LOG = Logger.getLogger(OrgSwitchEvents.class);

    private final Denials denials;
    private final Outbox outbox;

    public OrgSwitchEvents(Denials denials, Outbox outbox) {
        this.denials = denials;
        this.outbox = outbox;
    }

    /** The same answer for every refused switch, so no check is revealed (DESIGN §3). */
    public static OAuthException accessDenied() {
        return new OAuthException(OAuthErrors.ACCESS_DENIED, "The organization switch is not allowed.", 403, null);
    }

    /** The impersonation an impersonated switch asks for: what its denial event names. */
    public static Attempt attempt(SwitchSource source, String clientId, String organizationId) {
        return new Attempt(Flows.ORGANIZATION_SWITCH, source.actorId(), source.subject(), clientId, organizationId,
                source.imp() == null ? null : source.imp().reason());
    }

    /** Records the refusal and fails with {@link #accessDenied()}. */
    public <T> Uni<T> deny(SwitchSource source, String clientId, String organizationId, String reasonCode) {
        if (source.impersonated()) {
            return denials.deny(attempt(source, clientId, organizationId), reasonCode, null, accessDenied());
        }
        // a user's own switch is no impersonation: no impersonation event, the reason in the log only
        LOG.infof("Organization switch denied (%s): client %s, organization %s", reasonCode, clientId, organizationId);
        return Uni.createFrom().failure(accessDenied());
    }

    /** {@code io.actas.impersonation.org.switched} for an impersonated switch. Joins the caller's transaction. */
    public Uni<Void> switched(SwitchSource source, String clientId, OrgClient.Organization organization, Set<String> scopes,
            TokenIssuer.Signed signed) {
        if (!source.impersonated()) {
            return Uni.createFrom().voidItem();
        }
        return outbox.append(EventTypes.ORG_SWITCHED, source.subject(),
                new OrgSwitched(source.sessionId(), signed.jti(), source.actorId(), source.subject(), clientId,
                        source.organizationId(), organization.id(), organization.name(), List.copyOf(scopes),
                        signed.expiresAt(), source.act()))
                .replaceWithVoid();
    }
}

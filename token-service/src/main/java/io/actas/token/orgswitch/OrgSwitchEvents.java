package io.actas.token.orgswitch;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.actas.events.EventTypes;
import io.actas.events.OrgSwitched;
import io.actas.token.impersonation.Attempt;
import io.actas.token.impersonation.Denials;
import io.actas.token.issue.TokenIssuer;
import io.actas.token.oauth.OAuthErrors;
import io.actas.token.oauth.OAuthException;
import io.actas.token.outbox.Outbox;
import io.actas.token.upstream.OrgClient;
import io.smallrye.mutiny.Uni;

/**
 * What an organization switch announces: the one way it is refused (STYLE rule 7 — the precise reason code goes into
 * the {@code io.actas.impersonation.denied} event when the input token is impersonated, the client gets the vague
 * {@code access_denied}), and the {@code io.actas.impersonation.org.switched} event of an impersonated switch.
 */
@ApplicationScoped
public class OrgSwitchEvents {

    /** The {@code flow} of the switch's denial events ({@code ImpersonationDenied}). */
    public static final String FLOW = "organization_switch";

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

    /** Records the refusal and fails with {@link #accessDenied()}. */
    public <T> Uni<T> deny(SwitchSource source, String clientId, String organizationId, String reasonCode) {
        return deny(source, clientId, organizationId, reasonCode, null, accessDenied());
    }

    /** Records the refusal and fails with {@code answer}. */
    public <T> Uni<T> deny(SwitchSource source, String clientId, String organizationId, String reasonCode, String ruleId,
            OAuthException answer) {
        if (!source.impersonated()) {
            LOG.infof("Organization switch denied (%s): client %s, organization %s", reasonCode, clientId,
                    organizationId);
            return Uni.createFrom().failure(answer);
        }
        Attempt attempt = new Attempt(FLOW, source.actorId(), source.subject(), clientId, organizationId,
                source.imp() == null ? null : source.imp().reason());
        return denials.deny(attempt, reasonCode, ruleId, answer);
    }

    /**
     * The hook for {@code io.actas.impersonation.org.switched}: called in the transaction that recorded the switched token.
     */
    public Uni<Void> switched(SwitchSource source, String clientId, OrgClient.Organization organization, Set<String> scopes,
            TokenIssuer.Signed signed) {
        if (!source.impersonated()) {
            return Uni.createFrom().voidItem();
        }
        return outbox.append(EventTypes.ORG_SWITCHED, source.subject(), new OrgSwitched(source.sessionId(), signed.jti(),
                source.actorId(), source.subject(), clientId, source.organizationId(), organization.id(),
                organization.name(), List.copyOf(scopes), signed.expiresAt(), source.act())).replaceWithVoid();
    }
}

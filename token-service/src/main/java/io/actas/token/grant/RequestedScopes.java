package io.actas.token.grant;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import io.actas.token.client.Client;
import io.actas.token.oauth.OAuthException;
import io.actas.token.oauth.Scopes;

/** RFC 6749 §3.3: the scopes a request asks for, checked against what the client is registered for. */
public final class RequestedScopes {

    private RequestedScopes() {
    }

    /**
     * The requested scopes, every one registered for the client ({@code invalid_scope} otherwise); the client's
     * registered scopes when the request names none (the documented default of RFC 6749 §3.3).
     */
    public static Set<String> of(Client client, Optional<String> scope) {
        Set<String> requested = Scopes.parse(scope.orElse(null));
        if (requested.isEmpty()) {
            return new LinkedHashSet<>(Arrays.asList(client.scopes));
        }
        for (String value : requested) {
            if (!Scopes.valid(value) || !client.allowsScope(value)) {
                throw OAuthException.invalidScope("Scope '" + value + "' is not allowed for this client.");
            }
        }
        return requested;
    }
}

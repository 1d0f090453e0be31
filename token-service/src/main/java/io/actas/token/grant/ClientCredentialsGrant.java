package io.actas.token.grant;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.actas.token.client.Client;
import io.actas.token.issue.TokenIssuer;
import io.actas.token.issue.TokenResponse;
import io.actas.token.issue.TokenSpec;
import io.actas.token.oauth.GrantTypes;
import io.actas.token.oauth.OAuthException;
import io.actas.token.oauth.OAuthParameters;
import io.actas.token.oauth.Scopes;
import io.smallrye.mutiny.Uni;

/** RFC 6749 §4.4: a confidential client acting for itself; {@code sub} = client id, {@code aut} = APPLICATION. */
@ApplicationScoped
public class ClientCredentialsGrant implements TokenGrant {

    private final TokenIssuer issuer;

    public ClientCredentialsGrant(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    @Override
    public String grantType() {
        return GrantTypes.CLIENT_CREDENTIALS;
    }

    @Override
    public Uni<TokenResponse> grant(Client client, OAuthParameters parameters) {
        // RFC 6749 §4.4: the client credentials grant type MUST only be used by confidential clients
        if (client.isPublic()) {
            throw OAuthException.unauthorizedClient("Public clients cannot use client_credentials.");
        }
        // scope (OPTIONAL) RFC 6749 §4.4.2
        Set<String> scopes = RequestedScopes.of(client, parameters.optional("scope"));
        // RFC 6749 §4.4.3: a refresh token SHOULD NOT be included
        return issuer.accessToken(TokenSpec.forClient(client.clientId, scopes, client.organizationId,
                client.accessTokenLifetime()))
                .map(signed -> new TokenResponse(signed.jwt(), TokenResponse.BEARER,
                        client.accessTokenLifetime().toSeconds(), null, Scopes.format(scopes), null, null));
    }
}

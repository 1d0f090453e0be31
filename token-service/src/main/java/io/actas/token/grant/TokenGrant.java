package io.actas.token.grant;

import io.actas.token.client.Client;
import io.actas.token.issue.TokenResponse;
import io.actas.token.oauth.OAuthParameters;
import io.smallrye.mutiny.Uni;

/**
 * One grant type of the token endpoint. {@link TokenResource} authenticates the client, checks it is registered for the
 * grant, and dispatches on {@code grant_type}; later grants (token exchange, organization switch) are just more beans.
 */
public interface TokenGrant {

    /** The {@code grant_type} value this grant answers. */
    String grantType();

    /** Reads the grant's own parameters and issues tokens, or fails with an {@code OAuthException}. */
    Uni<TokenResponse> grant(Client client, OAuthParameters parameters);
}

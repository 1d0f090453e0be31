package io.actas.token.authorize;

import java.util.Map;
import java.util.Set;

import io.actas.token.client.Client;

/**
 * A validated authorization request (RFC 6749 §4.1.1, OIDC Core §3.1.2.1, RFC 7636 §4.3).
 *
 * @param client the registered client
 * @param redirectUri the registered redirect URI to answer to
 * @param redirectUriGiven whether the request named it (then the token request must repeat it)
 * @param scopes requested scopes, all registered for the client
 * @param state opaque client value, returned unchanged
 * @param nonce OIDC nonce, copied into the ID token
 * @param codeChallenge RFC 7636 S256 challenge, or {@code null} (confidential clients only)
 * @param loginHint OIDC login_hint, to pre-fill the username
 * @param parameters the request's parameters, re-posted by the login form
 * @param responseType {@code code}, or WSO2's {@code subject_token} / {@code id_token subject_token}
 * @param requestedSubject WSO2: the user the subject token is for ({@code requested_subject})
 * @param reason ActAs: why the actor impersonates ({@code reason}), for subject tokens
 */
public record AuthorizationRequest(Client client, String redirectUri, boolean redirectUriGiven, Set<String> scopes,
        String state, String nonce, String codeChallenge, String loginHint, Map<String, String> parameters,
        String responseType, String requestedSubject, String reason) {

    /** WSO2 step 1: the answer is a subject token, in the fragment. */
    public boolean subjectTokenResponse() {
        return AuthorizationService.SUBJECT_TOKEN_RESPONSE_TYPES.contains(responseType);
    }
}

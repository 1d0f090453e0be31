package io.actas.token.authorize;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.actas.token.client.Client;
import io.actas.token.client.ClientService;
import io.actas.token.config.TokenConfig;
import io.actas.token.grant.RequestedScopes;
import io.actas.token.issue.UserClaims;
import io.actas.token.oauth.GrantTypes;
import io.actas.token.oauth.OAuthErrors;
import io.actas.token.oauth.OAuthException;
import io.actas.token.oauth.OAuthParameters;
import io.actas.token.upstream.OrgClient;
import io.actas.token.upstream.UserDirectory;
import io.smallrye.mutiny.Uni;

/**
 * The authorization endpoint's logic: validate the request in the order RFC 6749 §4.1.2.1 implies (client and redirect
 * URI first, never redirecting to an unverified URI), then log the user in through org-service and issue a code.
 */
@ApplicationScoped
public class AuthorizationService {

    static final String RESPONSE_TYPE_CODE = "code";
    static final String PROMPT_NONE = "none";

    private final ClientService clients;
    private final OrgClient org;
    private final UserDirectory directory;
    private final AuthorizationCodeService codes;
    private final String issuer;

    public AuthorizationService(ClientService clients, OrgClient org, UserDirectory directory,
            AuthorizationCodeService codes, TokenConfig config) {
        this.clients = clients;
        this.org = org;
        this.directory = directory;
        this.codes = codes;
        this.issuer = config.issuer();
    }

    /** Validates an authorization request; failures are {@link AuthorizationException}s, redirected only when safe. */
    public Uni<AuthorizationRequest> validate(OAuthParameters parameters) {
        // client_id (REQUIRED) RFC 6749 §4.1.1
        String clientId = shown(() -> parameters.required("client_id"));
        // redirect_uri (OPTIONAL, REQUIRED by OIDC) RFC 6749 §3.1.2.3: must match a registered URI exactly
        Optional<String> requestedUri = shown(() -> parameters.optional("redirect_uri"));
        return clients.lookup(clientId).map(client -> {
            if (client == null) {
                throw AuthorizationException.shown(OAuthErrors.INVALID_REQUEST, "The client is not registered.");
            }
            String redirectUri = redirectUri(client, requestedUri);
            // from here on errors go back to the client (RFC 6749 §4.1.2.1)
            String state = redirected(() -> parameters.optional("state"), redirectUri, null).orElse(null);
            return redirected(() -> read(client, parameters, redirectUri, requestedUri.isPresent(), state), redirectUri,
                    state);
        });
    }

    private static String redirectUri(Client client, Optional<String> requested) {
        if (requested.isPresent()) {
            if (!client.registeredRedirectUri(requested.get())) {
                throw AuthorizationException.shown(OAuthErrors.INVALID_REQUEST,
                        "The redirect URI is not registered for this client.");
            }
            return requested.get();
        }
        if (client.redirectUris.length != 1) {
            throw AuthorizationException.shown(OAuthErrors.INVALID_REQUEST, "The redirect_uri parameter is required.");
        }
        return client.redirectUris[0];
    }

    private AuthorizationRequest read(Client client, OAuthParameters parameters, String redirectUri,
            boolean redirectUriGiven, String state) {
        // response_type (REQUIRED) RFC 6749 §4.1.1
        String responseType = parameters.required("response_type");
        if (!RESPONSE_TYPE_CODE.equals(responseType)) {
            throw new OAuthException(OAuthErrors.UNSUPPORTED_RESPONSE_TYPE,
                    "Response type '" + responseType + "' is not supported.", 400, null);
        }
        if (!client.allowsGrant(GrantTypes.AUTHORIZATION_CODE)) {
            throw OAuthException.unauthorizedClient("The client is not registered for authorization_code.");
        }
        // scope (OPTIONAL) RFC 6749 §3.3
        Set<String> scopes = RequestedScopes.of(client, parameters.optional("scope"));
        // code_challenge (REQUIRED for public clients) RFC 7636 §4.4.1; code_challenge_method: S256 only
        Optional<String> challenge = parameters.optional("code_challenge");
        Optional<String> method = parameters.optional("code_challenge_method");
        if (challenge.isEmpty()) {
            if (client.isPublic()) {
                throw OAuthException.invalidRequest("Public clients must send a PKCE code_challenge (S256).");
            }
            if (method.isPresent()) {
                throw OAuthException.invalidRequest("code_challenge_method without code_challenge.");
            }
        } else {
            if (!Pkce.S256.equals(method.orElse("plain"))) {
                throw OAuthException.invalidRequest("Transform algorithm not supported: use code_challenge_method=S256.");
            }
            if (!Pkce.wellFormed(challenge.get())) {
                throw OAuthException.invalidRequest("code_challenge is malformed.");
            }
        }
        // nonce (OPTIONAL) OIDC Core §3.1.2.1; prompt: there is no browser session, so prompt=none cannot succeed
        String nonce = parameters.optional("nonce").orElse(null);
        if (parameters.optional("prompt").map(prompt -> prompt.contains(PROMPT_NONE)).orElse(false)) {
            throw new OAuthException(OAuthErrors.LOGIN_REQUIRED, "The user must log in.", 400, null);
        }
        String loginHint = parameters.optional("login_hint").orElse(null);
        return new AuthorizationRequest(client, redirectUri, redirectUriGiven, scopes, state, nonce,
                challenge.orElse(null), loginHint, parameters.singleValued());
    }

    /**
     * Checks the user's credentials with org-service and, when valid, issues a code. Empty = wrong credentials (one
     * answer for unknown user, wrong password, locked or disabled); an outage fails as UpstreamUnavailableException.
     */
    public Uni<Optional<String>> login(AuthorizationRequest request, String username, String password) {
        return org.verify(username, password)
                .flatMap(userId -> userId.isEmpty() ? Uni.createFrom().item(Optional.<UserClaims> empty())
                        : directory.activeUser(userId.get()))
                .flatMap(user -> {
                    if (user.isEmpty()) {
                        return Uni.createFrom().item(Optional.<String> empty());
                    }
                    return directory.grantableScopes(user.get(), request.client().clientId, request.scopes())
                            .flatMap(scopes -> codes.issue(request, user.get(), scopes))
                            .map(code -> Optional.of(success(request, code)));
                });
    }

    /** RFC 6749 §4.1.2 response, with RFC 9207 {@code iss}. */
    private String success(AuthorizationRequest request, String code) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("code", code);
        parameters.put("state", request.state());
        parameters.put("iss", issuer);
        return RedirectUris.withParameters(request.redirectUri(), parameters);
    }

    /** RFC 6749 §4.1.2.1 error response, with RFC 9207 {@code iss}. */
    public String errorRedirect(AuthorizationException e) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("error", e.error());
        parameters.put("error_description", e.description());
        parameters.put("state", e.state());
        parameters.put("iss", issuer);
        return RedirectUris.withParameters(e.redirectUri(), parameters);
    }

    private static <T> T shown(Supplier<T> read) {
        try {
            return read.get();
        } catch (OAuthException e) {
            throw AuthorizationException.shown(e.error(), e.description());
        }
    }

    private static <T> T redirected(Supplier<T> read, String redirectUri, String state) {
        try {
            return read.get();
        } catch (OAuthException e) {
            throw AuthorizationException.redirected(e.error(), e.description(), redirectUri, state);
        }
    }
}

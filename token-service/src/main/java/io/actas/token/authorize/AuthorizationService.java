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
import io.actas.token.exchange.SubjectTokenService;
import io.actas.token.grant.RequestedScopes;
import io.actas.token.issue.UserClaims;
import io.actas.token.oauth.GrantTypes;
import io.actas.token.oauth.OAuthErrors;
import io.actas.token.oauth.OAuthException;
import io.actas.token.oauth.OAuthParameters;
import io.actas.token.prompt.ImpersonationPromptService;
import io.actas.token.upstream.OrgClient;
import io.actas.token.upstream.UserDirectory;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The authorization endpoint's logic: validate the request in the order RFC 6749 §4.1.2.1 implies (client and redirect
 * URI first, never redirecting to an unverified URI), then log the user in through org-service and issue a code.
 */
@ApplicationScoped
public class AuthorizationService {

    static final String RESPONSE_TYPE_CODE = "code";
    /** WSO2 step 1 (issue 5): a subject token for {@code requested_subject}, alone or with the actor's ID token. */
    static final String RESPONSE_TYPE_SUBJECT_TOKEN = "subject_token";
    static final String RESPONSE_TYPE_ID_TOKEN_SUBJECT_TOKEN = "id_token subject_token";
    static final Set<String> SUBJECT_TOKEN_RESPONSE_TYPES = Set.of(RESPONSE_TYPE_SUBJECT_TOKEN,
            RESPONSE_TYPE_ID_TOKEN_SUBJECT_TOKEN);
    static final String REQUESTED_SUBJECT = "requested_subject";
    static final String REASON = "reason";
    static final String PROMPT_NONE = "none";

    private final ClientService clients;
    private final OrgClient org;
    private final UserDirectory directory;
    private final AuthorizationCodeService codes;
    private final SubjectTokenService subjectTokens;
    private final ImpersonationPromptService prompts;
    private final String issuer;

    public AuthorizationService(ClientService clients, OrgClient org, UserDirectory directory,
            AuthorizationCodeService codes, SubjectTokenService subjectTokens, ImpersonationPromptService prompts,
            TokenConfig config) {
        this.clients = clients;
        this.org = org;
        this.directory = directory;
        this.codes = codes;
        this.subjectTokens = subjectTokens;
        this.prompts = prompts;
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
            // from here on errors go back to the client (RFC 6749 §4.1.2.1), in the fragment for token responses
            boolean fragment = parameters.all("response_type").stream().anyMatch(SUBJECT_TOKEN_RESPONSE_TYPES::contains);
            String state = redirected(() -> parameters.optional("state"), redirectUri, null, fragment).orElse(null);
            return redirected(() -> read(client, parameters, redirectUri, requestedUri.isPresent(), state), redirectUri,
                    state, fragment);
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
        if (SUBJECT_TOKEN_RESPONSE_TYPES.contains(responseType)) {
            return readSubjectTokenRequest(client, parameters, redirectUri, redirectUriGiven, state, responseType);
        }
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
                challenge.orElse(null), loginHint, parameters.singleValued(), responseType, null, null);
    }

    /** WSO2 step 1: {@code response_type=subject_token} or {@code id_token subject_token} (no code, so no PKCE). */
    private AuthorizationRequest readSubjectTokenRequest(Client client, OAuthParameters parameters, String redirectUri,
            boolean redirectUriGiven, String state, String responseType) {
        // the client is registered for the token exchange that redeems subject tokens
        if (!client.allowsGrant(GrantTypes.TOKEN_EXCHANGE)) {
            throw OAuthException.unauthorizedClient("The client is not registered for token exchange.");
        }
        // requested_subject (REQUIRED) WSO2 SubjectTokenResponseValidator
        String requestedSubject = parameters.optional(REQUESTED_SUBJECT).orElseThrow(() -> OAuthException
                .invalidRequest("response_type is " + responseType + " but requested_subject is missing."));
        // scope (OPTIONAL) RFC 6749 §3.3: the scopes asked for the impersonated token
        Set<String> scopes = RequestedScopes.of(client, parameters.optional("scope"));
        // nonce (REQUIRED with id_token) OIDC Core §3.2.2.1
        Optional<String> nonce = parameters.optional("nonce");
        if (RESPONSE_TYPE_ID_TOKEN_SUBJECT_TOKEN.equals(responseType) && nonce.isEmpty()) {
            throw OAuthException.invalidRequest("nonce is required when an id_token is requested.");
        }
        // reason (OPTIONAL; ActAs)
        String reason = parameters.optional(REASON).orElse(null);
        String loginHint = parameters.optional("login_hint").orElse(null);
        return new AuthorizationRequest(client, redirectUri, redirectUriGiven, scopes, state, nonce.orElse(null), null,
                loginHint, parameters.singleValued(), responseType, requestedSubject, reason);
    }

    /**
     * Checks the user's credentials with org-service and, when valid, answers: a code, a subject token (WSO2), or the
     * "act as (optional)" prompt (Curity). Empty = wrong credentials (one answer for unknown user, wrong password,
     * locked or disabled); an outage fails as UpstreamUnavailableException.
     */
    public Uni<Optional<LoginOutcome>> login(AuthorizationRequest request, String username, String password) {
        return org.verify(username, password)
                .flatMap(userId -> userId.isEmpty() ? Uni.createFrom().item(Optional.<UserClaims> empty())
                        : directory.activeUser(userId.get()))
                .flatMap(user -> {
                    if (user.isEmpty()) {
                        return Uni.createFrom().item(Optional.<LoginOutcome> empty());
                    }
                    if (request.subjectTokenResponse()) {
                        return subjectTokenResponse(request, user.get()).map(Optional::of);
                    }
                    return directory.grantableScopes(user.get(), request.client().clientId, request.scopes())
                            .flatMap(scopes -> prompts.offer(request.client(), user.get(), scopes)
                                    .flatMap(prompt -> prompt.isPresent()
                                            ? Uni.createFrom().item(LoginOutcome.prompt(prompt.get()))
                                            : codes.issue(request, user.get(), scopes, null)
                                                    .map(code -> LoginOutcome.redirect(success(request, code)))))
                            .map(Optional::of);
                });
    }

    /**
     * The Curity flow's answer to "act as (optional)": a code for the person, or for the chosen user with the person as
     * actor. Empty when the prompt is unknown, used or expired (the person signs in again). A denial fails with an
     * {@link OAuthException} ({@code access_denied} / {@code temporarily_unavailable}) and the prompt can be answered again.
     */
    public Uni<Optional<LoginOutcome>> answerPrompt(AuthorizationRequest request, String prompt, Optional<String> actAs,
            Optional<String> reason) {
        return prompts.find(request.client(), prompt).flatMap(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(Optional.<LoginOutcome> empty());
            }
            return prompts.answer(request.client(), found.get(), actAs, reason, request.scopes())
                    .flatMap(answer -> Panache.withTransaction(() -> prompts.consume(found.get())
                            .flatMap(fresh -> !fresh ? Uni.createFrom().item(Optional.<LoginOutcome> empty())
                                    : codes.issue(request, answer.user(), answer.scopes(), answer.impersonation())
                                            .map(code -> Optional.of(LoginOutcome.redirect(success(request, code)))))));
        });
    }

    /** WSO2 step 1: the subject token (and the actor's ID token) in the fragment; a denial goes back as an error. */
    private Uni<LoginOutcome> subjectTokenResponse(AuthorizationRequest request, UserClaims actor) {
        boolean withIdToken = RESPONSE_TYPE_ID_TOKEN_SUBJECT_TOKEN.equals(request.responseType());
        return subjectTokens.issue(request.client(), actor, request.requestedSubject(), request.scopes(),
                Optional.ofNullable(request.reason()), withIdToken, request.nonce())
                .map(tokens -> {
                    Map<String, String> parameters = new LinkedHashMap<>(tokens);
                    parameters.put("state", request.state());
                    parameters.put("iss", issuer);
                    return LoginOutcome.redirect(RedirectUris.withFragment(request.redirectUri(), parameters));
                })
                .onFailure(OAuthException.class).transform(failure -> {
                    OAuthException e = (OAuthException) failure;
                    return AuthorizationException.redirected(e.error(), e.description(), request.redirectUri(),
                            request.state(), true);
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
        return e.fragment() ? RedirectUris.withFragment(e.redirectUri(), parameters)
                : RedirectUris.withParameters(e.redirectUri(), parameters);
    }

    private static <T> T shown(Supplier<T> read) {
        try {
            return read.get();
        } catch (OAuthException e) {
            throw AuthorizationException.shown(e.error(), e.description());
        }
    }

    private static <T> T redirected(Supplier<T> read, String redirectUri, String state, boolean fragment) {
        try {
            return read.get();
        } catch (OAuthException e) {
            throw AuthorizationException.redirected(e.error(), e.description(), redirectUri, state, fragment);
        }
    }
}

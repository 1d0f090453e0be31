package io.actas.token.exchange;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

import io.actas.token.oauth.OAuthException;
import io.actas.token.oauth.OAuthParameters;

/**
 * An RFC 8693 §2.1 token exchange request, read one parameter at a time as the RFC lists them, plus ActAs's
 * {@code reason}.
 */
public record ExchangeRequest(String subjectToken, String subjectTokenType, Optional<String> actorToken,
        Optional<String> actorTokenType, Optional<String> requestedTokenType, List<String> resources,
        List<String> audiences, Optional<String> scope, Optional<String> reason) {

    public static final String SUBJECT_TOKEN = "subject_token";
    public static final String SUBJECT_TOKEN_TYPE = "subject_token_type";
    public static final String ACTOR_TOKEN = "actor_token";
    public static final String ACTOR_TOKEN_TYPE = "actor_token_type";
    public static final String REQUESTED_TOKEN_TYPE = "requested_token_type";
    public static final String RESOURCE = "resource";
    public static final String AUDIENCE = "audience";
    public static final String SCOPE = "scope";
    /** ActAs extension: why the actor impersonates; REQUIRED when the matching policy says so. */
    public static final String REASON = "reason";
    /** Longest reason kept (policy-service accepts 1000 characters). */
    static final int MAX_REASON_LENGTH = 1000;

    public static ExchangeRequest read(OAuthParameters parameters) {
        // subject_token (REQUIRED)
        String subjectToken = parameters.required(SUBJECT_TOKEN);
        // subject_token_type (REQUIRED): an identifier as described in §3
        String subjectTokenType = parameters.required(SUBJECT_TOKEN_TYPE);
        if (!TokenTypes.SUBJECT_TYPES.contains(subjectTokenType)) {
            throw OAuthException.invalidRequest("Unsupported subject_token_type.");
        }
        // actor_token (OPTIONAL)
        Optional<String> actorToken = parameters.optional(ACTOR_TOKEN);
        // actor_token_type (REQUIRED when actor_token is present; MUST NOT be included otherwise)
        Optional<String> actorTokenType = parameters.optional(ACTOR_TOKEN_TYPE);
        if (actorToken.isPresent() != actorTokenType.isPresent()) {
            throw OAuthException.invalidRequest("actor_token and actor_token_type go together.");
        }
        if (actorTokenType.isPresent() && !TokenTypes.ACTOR_TYPES.contains(actorTokenType.get())) {
            throw OAuthException.invalidRequest("Unsupported actor_token_type.");
        }
        // requested_token_type (OPTIONAL): this server issues access tokens only
        Optional<String> requestedTokenType = parameters.optional(REQUESTED_TOKEN_TYPE);
        if (requestedTokenType.isPresent() && !TokenTypes.ACCESS_TOKEN.equals(requestedTokenType.get())) {
            throw OAuthException.invalidRequest("Only access tokens can be requested.");
        }
        // resource (OPTIONAL, repeatable): an absolute URI without a fragment (RFC 8707 §2)
        List<String> resources = parameters.all(RESOURCE);
        resources.forEach(ExchangeRequest::checkResource);
        // audience (OPTIONAL, repeatable): logical names of the target services
        List<String> audiences = parameters.all(AUDIENCE);
        // scope (OPTIONAL): RFC 6749 §3.3
        Optional<String> scope = parameters.optional(SCOPE);
        // reason (OPTIONAL; ActAs)
        Optional<String> reason = parameters.optional(REASON).map(String::strip).filter(value -> !value.isEmpty());
        if (reason.isPresent() && reason.get().length() > MAX_REASON_LENGTH) {
            throw OAuthException.invalidRequest("reason is longer than " + MAX_REASON_LENGTH + " characters.");
        }
        return new ExchangeRequest(subjectToken, subjectTokenType, actorToken, actorTokenType, requestedTokenType,
                resources, audiences, scope, reason);
    }

    /** Direct mode: the subject is a user id. */
    public boolean direct() {
        return TokenTypes.USER_ID.equals(subjectTokenType);
    }

    /** WSO2 mode: the subject token comes from {@code response_type=subject_token}. */
    public boolean subjectTokenMode() {
        return TokenTypes.JWT.equals(subjectTokenType);
    }

    /** Delegation: the subject's own access token. */
    public boolean delegation() {
        return TokenTypes.ACCESS_TOKEN.equals(subjectTokenType);
    }

    private static void checkResource(String resource) {
        try {
            URI uri = new URI(resource);
            if (!uri.isAbsolute() || uri.getFragment() != null) {
                throw OAuthException.invalidRequest("resource must be an absolute URI without a fragment.");
            }
        } catch (URISyntaxException e) {
            throw OAuthException.invalidRequest("resource must be an absolute URI without a fragment.");
        }
    }
}

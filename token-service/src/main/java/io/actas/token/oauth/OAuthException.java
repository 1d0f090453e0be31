package io.actas.token.oauth;

/**
 * An OAuth 2.0 error answered as RFC 6749 §5.2 JSON by {@link OAuthErrorMapper}. The description is shown to the client:
 * it never names which of several equivalent checks failed when that would reveal users or secrets.
 */
public class OAuthException extends RuntimeException {

    private final String error;
    private final int status;
    private final String wwwAuthenticate;

    public OAuthException(String error, String description, int status, String wwwAuthenticate) {
        super(description, null, false, false);
        this.error = error;
        this.status = status;
        this.wwwAuthenticate = wwwAuthenticate;
    }

    /** RFC 6749 §5.2: missing, repeated or malformed parameter, or more than one authentication method. */
    public static OAuthException invalidRequest(String description) {
        return new OAuthException(OAuthErrors.INVALID_REQUEST, description, 400, null);
    }

    /**
     * RFC 6749 §5.2: client authentication failed. 401; with {@code WWW-Authenticate} when the client used the
     * {@code Authorization} header.
     */
    public static OAuthException invalidClient(boolean viaAuthorizationHeader) {
        return new OAuthException(OAuthErrors.INVALID_CLIENT, "Client authentication failed.", 401,
                viaAuthorizationHeader ? "Basic realm=\"token-service\"" : null);
    }

    /** RFC 6749 §5.2: the grant (code, refresh token, ...) is invalid, expired, revoked or was issued to another client. */
    public static OAuthException invalidGrant(String description) {
        return new OAuthException(OAuthErrors.INVALID_GRANT, description, 400, null);
    }

    /** RFC 6749 §5.2: the client may not use this grant type. */
    public static OAuthException unauthorizedClient(String description) {
        return new OAuthException(OAuthErrors.UNAUTHORIZED_CLIENT, description, 400, null);
    }

    /** RFC 6749 §5.2: the grant type is not supported by this server. */
    public static OAuthException unsupportedGrantType(String grantType) {
        return new OAuthException(OAuthErrors.UNSUPPORTED_GRANT_TYPE, "Grant type '" + grantType + "' is not supported.",
                400, null);
    }

    /** RFC 6749 §5.2: a requested scope is unknown to or not allowed for the client. */
    public static OAuthException invalidScope(String description) {
        return new OAuthException(OAuthErrors.INVALID_SCOPE, description, 400, null);
    }

    /** RFC 6749 §4.1.2.1 practice at the token endpoint: a service this answer depends on did not answer (503). */
    public static OAuthException temporarilyUnavailable() {
        return new OAuthException(OAuthErrors.TEMPORARILY_UNAVAILABLE,
                "The server cannot handle the request right now; try again later.", 503, null);
    }

    /** An unexpected failure, answered without detail (the cause is logged with an incident id). */
    public static OAuthException serverError(String incident) {
        return new OAuthException(OAuthErrors.SERVER_ERROR,
                "The server could not complete the request (incident " + incident + ").", 500, null);
    }

    /** RFC 6750 §3.1: the bearer token is missing, expired, revoked or malformed. */
    public static OAuthException invalidToken(String description) {
        return new OAuthException(OAuthErrors.INVALID_TOKEN, description, 401,
                "Bearer error=\"invalid_token\", error_description=\"" + description + "\"");
    }

    /** RFC 6750 §3.1: a request without any bearer token. */
    public static OAuthException missingToken() {
        return new OAuthException(OAuthErrors.INVALID_REQUEST, "A bearer token is required.", 401, "Bearer");
    }

    /** RFC 6750 §3.1: the token lacks the scope the resource needs. */
    public static OAuthException insufficientScope(String scope) {
        return new OAuthException(OAuthErrors.INSUFFICIENT_SCOPE, "The token lacks the '" + scope + "' scope.", 403,
                "Bearer error=\"insufficient_scope\", scope=\"" + scope + "\"");
    }

    public String error() {
        return error;
    }

    public String description() {
        return getMessage();
    }

    public int status() {
        return status;
    }

    public String wwwAuthenticate() {
        return wwwAuthenticate;
    }
}

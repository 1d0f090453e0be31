package io.actas.token.authorize;

/**
 * An authorization endpoint error. With a {@code redirectUri} it is sent back to the client (RFC 6749 §4.1.2.1); without
 * one (unknown client, unregistered redirect URI) it is shown to the user and never redirected.
 */
public class AuthorizationException extends RuntimeException {

    private final String error;
    private final String redirectUri;
    private final String state;
    private final boolean fragment;

    private AuthorizationException(String error, String description, String redirectUri, String state,
            boolean fragment) {
        super(description, null, false, false);
        this.error = error;
        this.redirectUri = redirectUri;
        this.state = state;
        this.fragment = fragment;
    }

    /** Shown on the error page: the client or redirect URI cannot be trusted. */
    public static AuthorizationException shown(String error, String description) {
        return new AuthorizationException(error, description, null, null, false);
    }

    /** Sent to the client's registered redirect URI. */
    public static AuthorizationException redirected(String error, String description, String redirectUri, String state) {
        return new AuthorizationException(error, description, redirectUri, state, false);
    }

    /** Sent to the client's registered redirect URI in the fragment (responses without a code, OIDC Core §3.2.2.6). */
    public static AuthorizationException redirected(String error, String description, String redirectUri, String state,
            boolean fragment) {
        return new AuthorizationException(error, description, redirectUri, state, fragment);
    }

    public String error() {
        return error;
    }

    public String description() {
        return getMessage();
    }

    public String redirectUri() {
        return redirectUri;
    }

    public String state() {
        return state;
    }

    public boolean fragment() {
        return fragment;
    }
}

package io.actas.token.impersonation;

/** How an impersonation started: the {@code flow} of sessions and of {@code ImpersonationDenied} events. */
public final class Flows {

    /** RFC 8693 token exchange, direct mode (subject = a user id) or WSO2 mode (subject = a subject token). */
    public static final String TOKEN_EXCHANGE = "token_exchange";
    /** WSO2 step 1: {@code /oauth2/authorize?response_type=subject_token}. */
    public static final String SUBJECT_TOKEN = "subject_token";
    /** The Curity flow: "act as (optional)" on the login page. */
    public static final String LOGIN_PROMPT = "login_prompt";
    /** RFC 8693 delegation: the subject's own token and a service's actor token. */
    public static final String DELEGATION = "delegation";
    /** WSO2's {@code organization_switch} of an impersonated token into a child organization (issue 8). */
    public static final String ORGANIZATION_SWITCH = "organization_switch";

    private Flows() {
    }
}

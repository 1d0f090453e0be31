package io.actas.token.oauth;

/** JWT claim names used beyond the registered ones (RFC 9068, RFC 8693, OIDC Core, WSO2). */
public final class Claims {

    public static final String CLIENT_ID = "client_id";
    public static final String SCOPE = "scope";
    public static final String AZP = "azp";
    public static final String NONCE = "nonce";
    public static final String AUTH_TIME = "auth_time";
    /** Authorized user type: {@link #APPLICATION} or {@link #APPLICATION_USER} (WSO2). */
    public static final String AUT = "aut";
    public static final String ORG_ID = "org_id";
    public static final String ORG_NAME = "org_name";
    /** The user's resident organization. */
    public static final String USER_ORG = "user_org";
    public static final String ACT = "act";
    public static final String IMP = "imp";
    public static final String NAME = "name";
    public static final String PREFERRED_USERNAME = "preferred_username";
    public static final String EMAIL = "email";

    public static final String APPLICATION = "APPLICATION";
    public static final String APPLICATION_USER = "APPLICATION_USER";

    /** RFC 9068 §2.1 header {@code typ} of access tokens. */
    public static final String TYPE_ACCESS_TOKEN = "at+jwt";
    /** {@code typ} of ID tokens. */
    public static final String TYPE_ID_TOKEN = "JWT";

    private Claims() {
    }
}

package io.actas.token.exchange;

import java.util.Set;

/** Token type identifiers (RFC 8693 §3) and the ActAs extension for a bare user id. */
public final class TokenTypes {

    public static final String ACCESS_TOKEN = "urn:ietf:params:oauth:token-type:access_token";
    public static final String REFRESH_TOKEN = "urn:ietf:params:oauth:token-type:refresh_token";
    public static final String ID_TOKEN = "urn:ietf:params:oauth:token-type:id_token";
    public static final String JWT = "urn:ietf:params:oauth:token-type:jwt";
    /** The subject is a user id (as ZITADEL's {@code urn:zitadel:params:oauth:token-type:user_id}); an actor is required. */
    public static final String USER_ID = "urn:actas:params:oauth:token-type:user_id";

    /** {@code subject_token_type} values: direct mode, WSO2 mode, delegation. */
    public static final Set<String> SUBJECT_TYPES = Set.of(USER_ID, JWT, ACCESS_TOKEN);
    /** {@code actor_token_type} values. */
    public static final Set<String> ACTOR_TYPES = Set.of(ACCESS_TOKEN, ID_TOKEN);

    private TokenTypes() {
    }
}

package io.actas.token.oauth;

import java.util.List;

/** {@code grant_type} values (RFC 6749 §4, RFC 8693 §2.1, WSO2 organization switch). */
public final class GrantTypes {

    public static final String AUTHORIZATION_CODE = "authorization_code";
    public static final String REFRESH_TOKEN = "refresh_token";
    public static final String CLIENT_CREDENTIALS = "client_credentials";
    public static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    public static final String ORGANIZATION_SWITCH = "organization_switch";

    /** Every grant a client may be registered for. */
    public static final List<String> ALL = List.of(AUTHORIZATION_CODE, REFRESH_TOKEN, CLIENT_CREDENTIALS, TOKEN_EXCHANGE,
            ORGANIZATION_SWITCH);

    private GrantTypes() {
    }
}

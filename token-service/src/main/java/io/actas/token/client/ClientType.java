package io.actas.token.client;

import com.fasterxml.jackson.annotation.JsonValue;

/** RFC 6749 §2.1 client types. */
public enum ClientType {

    /** Can keep a secret: authenticates with {@code client_secret_basic} or {@code client_secret_post}. */
    CONFIDENTIAL("confidential"),
    /** Cannot keep a secret (browser, mobile): sends only {@code client_id} and must use PKCE. */
    PUBLIC("public");

    private final String value;

    ClientType(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public static ClientType of(String value) {
        for (ClientType type : values()) {
            if (type.value.equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown client type " + value);
    }
}

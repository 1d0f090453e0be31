package io.actas.token.issue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** RFC 6749 §5.1 successful token response (plus OIDC {@code id_token}, RFC 8693 {@code issued_token_type}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenResponse(@JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") Long expiresIn,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("scope") String scope,
        @JsonProperty("id_token") String idToken,
        @JsonProperty("issued_token_type") String issuedTokenType) {

    public static final String BEARER = "Bearer";

    public TokenResponse withRefreshToken(String refreshToken) {
        return new TokenResponse(accessToken, tokenType, expiresIn, refreshToken, scope, idToken, issuedTokenType);
    }

    public TokenResponse withIdToken(String idToken) {
        return new TokenResponse(accessToken, tokenType, expiresIn, refreshToken, scope, idToken, issuedTokenType);
    }
}

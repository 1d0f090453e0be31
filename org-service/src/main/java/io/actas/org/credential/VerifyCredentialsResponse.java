package io.actas.org.credential;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code {valid: true, userId, organizationId}} or {@code {valid: false}}: nothing tells why a check failed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerifyCredentialsResponse(boolean valid, String userId, String organizationId) {

    public static final VerifyCredentialsResponse INVALID = new VerifyCredentialsResponse(false, null, null);

    public static VerifyCredentialsResponse valid(UUID userId, UUID organizationId) {
        return new VerifyCredentialsResponse(true, userId.toString(), organizationId.toString());
    }
}

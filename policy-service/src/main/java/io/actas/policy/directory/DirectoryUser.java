package io.actas.policy.directory;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A user as org-service answers {@code GET /api/v1/users/{id}}.
 *
 * @param organizationId the user's resident organization
 * @param status {@code active}, {@code disabled} or {@code locked}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DirectoryUser(String id, String username, String email, String displayName, String organizationId,
        String status, Instant createdAt) {

    public static final String ACTIVE = "active";

    public boolean active() {
        return ACTIVE.equals(status);
    }
}

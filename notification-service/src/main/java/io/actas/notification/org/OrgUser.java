package io.actas.notification.org;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A user as org-service answers {@code GET /api/v1/users/{id}}.
 *
 * @param organizationId the resident organization
 * @param locale the user's preferred locale (BCP 47), when org-service knows one
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrgUser(String id, String username, String email, String displayName, String organizationId, String status,
        String locale) {

    /** What a mail calls this user: the display name, else the username, else the id. */
    public String name() {
        if (displayName != null && !displayName.isBlank()) {
            return displayName;
        }
        return username != null && !username.isBlank() ? username : id;
    }
}

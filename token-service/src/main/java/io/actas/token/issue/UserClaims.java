package io.actas.token.issue;

/**
 * What a user token says about its user, read from org-service.
 *
 * @param userId {@code sub}
 * @param username {@code preferred_username}
 * @param email {@code email}
 * @param displayName {@code name}
 * @param userOrganizationId {@code user_org}: the user's resident organization
 * @param organizationId {@code org_id}: the organization the token is for
 * @param organizationName {@code org_name}
 */
public record UserClaims(String userId, String username, String email, String displayName, String userOrganizationId,
        String organizationId, String organizationName) {
}

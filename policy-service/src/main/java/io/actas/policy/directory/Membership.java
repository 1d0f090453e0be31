package io.actas.policy.directory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A user's membership of an organization, as org-service answers it; {@code type} is {@code resident} or {@code invited}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Membership(String organizationId, String userId, String type) {
}

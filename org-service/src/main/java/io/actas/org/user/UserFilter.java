package io.actas.org.user;

import java.util.UUID;

/** Filters of the user list; {@code null} = no filter. */
public record UserFilter(UUID organizationId, String username, String email, UserStatus status) {
}

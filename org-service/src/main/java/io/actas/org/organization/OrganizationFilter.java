package io.actas.org.organization;

import java.util.UUID;

/** Filters of the organization list; {@code null} = no filter. */
public record OrganizationFilter(UUID parentId, String handle, OrganizationStatus status) {
}

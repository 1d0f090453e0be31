package io.actas.org.organization;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An organization on the wire. */
public record OrganizationResponse(
        String id,
        String handle,
        String name,
        @Schema(description = "null for the root organization") String parentId,
        @Schema(enumeration = {
                "active", "disabled" }) String status,
        @Schema(description = "ancestor ids, root first, parent last; empty for the root") List<String> ancestorIds,
        Instant createdAt){

    public static OrganizationResponse of(Organization organization) {
        return new OrganizationResponse(organization.id.toString(), organization.handle, organization.name,
                organization.parentId == null ? null : organization.parentId.toString(), organization.status.value(),
                organization.ancestorIds(), organization.createdAt);
    }
}

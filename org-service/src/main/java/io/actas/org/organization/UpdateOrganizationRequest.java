package io.actas.org.organization;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code PATCH /api/v1/organizations/{id}}: absent fields stay as they are. Handle and parent never change. */
public record UpdateOrganizationRequest(
        @Size(max = 200) @Pattern(regexp = CreateOrganizationRequest.NOT_BLANK, message = "must not be blank") String name,
        @Schema(enumeration = {
                "active",
                "disabled" }) @Pattern(regexp = OrganizationStatus.PATTERN, message = "must be active or disabled") String status){
}

package io.actas.org.organization;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/v1/organizations}. */
public record CreateOrganizationRequest(
        @Schema(description = "unique, lower case letters, digits and hyphens", examples = "acme-eu") @NotNull @Pattern(regexp = HANDLE, message = HANDLE_MESSAGE) String handle,
        @Schema(examples = "ACME Europe") @NotNull @Size(max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String name,
        @Schema(description = "the parent organization; there is exactly one root, created at bootstrap") @NotNull UUID parentId) {

    public static final String HANDLE = "[a-z0-9-]{2,63}";
    public static final String HANDLE_MESSAGE = "must be 2 to 63 lower case letters, digits or hyphens";
    public static final String NOT_BLANK = "(?s).*\\S.*";
}

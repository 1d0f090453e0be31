package io.actas.notification.settings;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code PUT .../notification-settings}: an organization's own settings (replacing what it had). */
@Schema(description = "An organization's own notification settings.")
public record SettingsRequest(
        @NotNull @Schema(description = "E-mail impersonated users of this organization", required = true, example = "true") Boolean enabled,
        @Schema(description = "Also e-mail them when the session ends (absent = false)", example = "false") Boolean notifyOnEnd,
        @Size(max = 20) @Schema(description = "Addresses that get a copy (absent = none)", example = "[\"soc@example.com\"]") List<@NotBlank @Email @Size(max = 320) String> securityContacts) {
}

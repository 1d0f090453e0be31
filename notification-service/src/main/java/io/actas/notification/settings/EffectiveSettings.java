package io.actas.notification.settings;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The settings that apply to an organization, and where they come from. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "The notification settings in force for an organization, and where they come from.")
public record EffectiveSettings(
        @Schema(description = "The organization asked about") String organizationId,
        @Schema(description = "Whether impersonated users of this organization are e-mailed", defaultValue = "true") boolean enabled,
        @Schema(description = "Whether they are also e-mailed when the session ends", defaultValue = "false") boolean notifyOnEnd,
        @Schema(description = "Addresses that get a copy of every notification (e.g. the SOC)") List<String> securityContacts,
        @Schema(description = "own: set on this organization; inherited: from an ancestor; default: none set in the tree", enumeration = {
                "own", "inherited", "default" }) String source,
        @Schema(description = "The ancestor the settings are inherited from (source = inherited)") String inheritedFrom,
        @Schema(description = "When the settings in force were last changed") Instant updatedAt){

    public static final String OWN = "own";
    public static final String INHERITED = "inherited";
    public static final String DEFAULT = "default";

    /** Notifications on, no mail at the end of a session, no security contacts. */
    static EffectiveSettings defaults(String organizationId) {
        return new EffectiveSettings(organizationId, true, false, List.of(), DEFAULT, null, null);
    }

    static EffectiveSettings of(String organizationId, NotificationSettings settings) {
        boolean own = organizationId.equals(settings.organizationId);
        return new EffectiveSettings(organizationId, settings.enabled, settings.notifyOnEnd, settings.contacts(),
                own ? OWN : INHERITED, own ? null : settings.organizationId, settings.updatedAt);
    }
}

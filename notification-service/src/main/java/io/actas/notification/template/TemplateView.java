package io.actas.notification.template;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The template in force for an organization, type and locale, and where it comes from. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "The template in force for an organization, type and locale, and where it comes from.")
public record TemplateView(
        @Schema(description = "The organization asked about") String organizationId,
        @Schema(description = "Template type", enumeration = {
                "session-started", "session-ended" }) String type,
        @Schema(description = "Locale of the template in force; absent for a template that serves any locale") String locale,
        @Schema(description = "own: this organization's; inherited: an ancestor's; default: built in", enumeration = { "own",
                "inherited", "default" }) String source,
        @Schema(description = "The ancestor the template is inherited from (source = inherited)") String inheritedFrom,
        @Schema(description = "Variables the template may use") List<String> variables,
        String subject,
        String htmlBody,
        String textBody,
        @Schema(description = "When the template was last changed (absent for the built-in one)") Instant updatedAt){
}

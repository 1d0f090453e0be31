package io.actas.notification.template;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code PUT .../templates/{type}}: an organization's own template, in Qute syntax. */
@Schema(description = "A mail template in Qute syntax; see the type's variables.")
public record TemplateRequest(
        @NotBlank @Size(max = 500) @Schema(description = "Subject line", required = true, example = "{actorName} is acting as you in {application}") String subject,
        @NotBlank @Size(max = 100000) @Schema(description = "HTML body; variables are HTML-escaped", required = true, example = "<p>Hello {subjectName}, {actorName} started acting as you at {startTime}.{#if reason} Reason: {reason}{/if}</p>") String htmlBody,
        @NotBlank @Size(max = 100000) @Schema(description = "Plain-text body", required = true, example = "Hello {subjectName}, {actorName} started acting as you at {startTime}.") String textBody) {

    TemplateContent content() {
        return new TemplateContent(subject, htmlBody, textBody);
    }
}

package io.actas.notification.template;

import java.time.Instant;

/**
 * The template chosen for a mail.
 *
 * @param source {@code own}, {@code inherited} or {@code default} (built in)
 * @param organizationId the organization whose template it is ({@code null} for the built-in one)
 * @param locale the template's locale, {@code ""} for any locale
 */
public record ResolvedTemplate(TemplateType type, TemplateContent content, String source, String organizationId,
        String locale, Instant updatedAt) {

    public static final String OWN = "own";
    public static final String INHERITED = "inherited";
    public static final String DEFAULT = "default";

    TemplateView view(String organizationId) {
        return new TemplateView(organizationId, type.id(), locale.isEmpty() ? null : locale, source,
                INHERITED.equals(source) ? this.organizationId : null, type.variables(), content.subject(),
                content.htmlBody(), content.textBody(), updatedAt);
    }
}

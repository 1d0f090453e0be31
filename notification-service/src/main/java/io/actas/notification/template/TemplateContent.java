package io.actas.notification.template;

/** The three parts of a mail template, in Qute syntax; rendered, the three parts of a mail. */
public record TemplateContent(String subject, String htmlBody, String textBody) {
}

package io.actas.notification.delivery;

/**
 * A rendered mail for one recipient, ready to be recorded as a {@link Delivery}.
 *
 * @param recipientRole {@link Delivery#SUBJECT} or {@link Delivery#SECURITY_CONTACT}
 */
public record ComposedMail(String recipient, String recipientRole, String subject, String htmlBody, String textBody) {
}

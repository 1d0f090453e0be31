package io.actas.notification.delivery;

import java.net.ConnectException;
import java.net.UnknownHostException;

import io.smallrye.mutiny.TimeoutException;
import io.vertx.ext.mail.SMTPException;

/**
 * How a failed send is treated. Permanent: the server refused the mail with a 5xx reply, or the address cannot be
 * used; trying again cannot help. Everything else (4xx replies, refused or dropped connections, timeouts) is transient
 * and retried with backoff.
 */
record SmtpFailure(boolean permanent, String description) {

    private static final int MAX_DESCRIPTION = 500;

    static SmtpFailure of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SMTPException smtp) {
                return new SmtpFailure(smtp.isPermanent(), cut("SMTP " + smtp.getReplyCode() + " " + smtp.getReplyMessage()));
            }
            if (t instanceof IllegalArgumentException) {
                return new SmtpFailure(true, cut("The address cannot be used: " + t.getMessage()));
            }
            if (t instanceof TimeoutException) {
                return new SmtpFailure(false, "The SMTP server did not answer in time");
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return new SmtpFailure(false, cut("The SMTP server is not reachable: " + t.getMessage()));
            }
        }
        return new SmtpFailure(false, cut("Sending failed: " + failure.getMessage()));
    }

    private static String cut(String text) {
        return text.length() > MAX_DESCRIPTION ? text.substring(0, MAX_DESCRIPTION) : text;
    }
}

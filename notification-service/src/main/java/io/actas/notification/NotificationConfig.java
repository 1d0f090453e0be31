package io.actas.notification;

import java.time.Duration;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;

/** {@code actas.notification.*}: how the inbox and the delivery log are worked off. */
@ConfigMapping(prefix = "actas.notification")
public interface NotificationConfig {

    /** How often due inbox events and deliveries (new, or waiting for a retry) are picked up. */
    Duration pollInterval();

    /** The most inbox events and the most deliveries one poll works off. */
    int batchSize();

    /** How long a claimed inbox event or delivery is held before another worker may take it over (crash recovery). */
    Duration lease();

    /** How long one SMTP send may take before it counts as a transient failure. */
    Duration sendTimeout();

    /** How long one org-service request may take; a call makes up to three before org-service counts as unavailable. */
    Duration orgTimeout();

    /** Backoff of transient failures (SMTP, org-service). */
    Retry retry();

    /** Time zone of the times written into mails ({@code startTime}, {@code endTime}). */
    ZoneId timeZone();

    /** Locale of mails when neither the user nor a template names one. */
    String defaultLocale();

    interface Retry {

        /** Wait after the first transient failure; doubles with each further failure. */
        Duration initialBackoff();

        /** Longest wait between two attempts. */
        Duration maxBackoff();

        /** Attempts before a transiently failing delivery or inbox event is given up as {@code failed}. */
        int maxAttempts();

        /** The wait after the given number of failed attempts (1, 2, ...). */
        default Duration backoff(int failedAttempts) {
            int doublings = Math.min(Math.max(failedAttempts - 1, 0), 20);
            Duration wait = initialBackoff().multipliedBy(1L << doublings);
            return wait.compareTo(maxBackoff()) > 0 ? maxBackoff() : wait;
        }
    }
}

package io.actas.notification.inbox;

import java.util.List;

import io.actas.notification.delivery.ComposedMail;

/**
 * What an event comes to: the mails to record, or why there are none.
 *
 * @param organizationId the organization whose settings applied (the event's, else the subject's resident one)
 * @param suppressedBecause why nothing is sent (settings), {@code null} when mails are composed
 */
record Composition(String organizationId, List<ComposedMail> mails, String suppressedBecause) {

    static Composition suppressed(String organizationId, String because) {
        return new Composition(organizationId, List.of(), because);
    }

    static Composition mails(String organizationId, List<ComposedMail> mails) {
        return new Composition(organizationId, mails, null);
    }

    boolean suppressed() {
        return suppressedBecause != null;
    }
}

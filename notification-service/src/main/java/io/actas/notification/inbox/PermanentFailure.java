package io.actas.notification.inbox;

/** An event that can never be turned into mails (e.g. its user no longer exists); retrying cannot help. */
class PermanentFailure extends RuntimeException {

    PermanentFailure(String message) {
        super(message, null, false, false);
    }
}

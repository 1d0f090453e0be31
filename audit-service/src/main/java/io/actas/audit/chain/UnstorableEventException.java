package io.actas.audit.chain;

/** A record that is not a storable CloudEvent; the message says why and is safe to store and show. */
public class UnstorableEventException extends Exception {

    public UnstorableEventException(String reason) {
        super(reason, null, false, false);
    }
}

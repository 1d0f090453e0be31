package io.actas.notification.org;

/** org-service did not answer in time, or answered with something other than the resource or a 404. */
public class OrgServiceUnavailableException extends RuntimeException {

    public OrgServiceUnavailableException(String message) {
        super(message, null, false, false);
    }
}

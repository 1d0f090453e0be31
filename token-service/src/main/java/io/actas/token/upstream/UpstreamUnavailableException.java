package io.actas.token.upstream;

/** org-service or policy-service did not answer in time or answered with an error: the caller fails closed. */
public class UpstreamUnavailableException extends RuntimeException {

    public UpstreamUnavailableException(String service, Throwable cause) {
        super(service + " is unavailable: " + (cause == null ? "no answer" : cause.getClass().getSimpleName()), cause,
                false, false);
    }
}

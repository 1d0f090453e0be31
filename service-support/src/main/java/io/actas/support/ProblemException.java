package io.actas.support;

import jakarta.ws.rs.core.Response;

/** Thrown by services to answer with a specific RFC 9457 problem; the detail must be safe to show to the caller. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;

    public ProblemException(Response.Status status, String detail) {
        this(status.getStatusCode(), "about:blank", status.getReasonPhrase(), detail);
    }

    public ProblemException(int status, String type, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(Response.Status.NOT_FOUND, what + " " + id + " does not exist");
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(Response.Status.BAD_REQUEST, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Response.Status.CONFLICT, detail);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }
}

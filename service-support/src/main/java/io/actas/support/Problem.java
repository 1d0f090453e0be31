package io.actas.support;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}).
 *
 * @param type a URI naming the problem type; {@code about:blank} when the status says it all
 * @param title short, human-readable summary of the type
 * @param status the HTTP status
 * @param detail what went wrong with this request, safe to show to the caller
 * @param instance the request path
 * @param violations for 400s from validation: which field, and why
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field of a request. */
    public record Violation(String field, String message) {
    }
}

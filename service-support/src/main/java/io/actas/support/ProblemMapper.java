package io.actas.support;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one place outside the OAuth endpoints that turns exceptions into RFC 9457 {@code application/problem+json}. No
 * exception class names and no stack traces reach a body; unexpected failures are logged here with a correlation id.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(new Problem(e.type(), e.title(), e.status(), e.getMessage(), path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        return respond(new Problem("about:blank", "Bad Request", 400, "The request is not valid.", path(uri), violations));
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String detail = "The request body is not valid JSON for this operation.";
        if (e instanceof InvalidFormatException format && !format.getPath().isEmpty()) {
            detail = "Field '" + jsonPath(format) + "' has a value of the wrong type.";
        } else if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            detail = "Field '" + jsonPath(mismatch) + "' is not of the expected form.";
        }
        return respond(new Problem("about:blank", "Bad Request", 400, detail, path(uri), List.of()));
    }

    /**
     * Quarkus REST ships its own mapper for {@link MismatchedInputException} (a value of the wrong type, e.g. "x" for a
     * UUID), which answers plain JSON and wins over {@link #unreadableJson} for being closer to the exception type.
     */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem("about:blank", "Forbidden", 403, "The token lacks the scope this operation needs.",
                path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        String detail = status.getStatusCode() >= 500 ? null : e.getMessage();
        return respond(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, path(uri),
                List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String incident = java.util.UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure on %s (incident %s)", path(uri), incident);
        return respond(new Problem("about:blank", "Internal Server Error", 500,
                "The server could not complete the request (incident " + incident + ").", path(uri), List.of()));
    }

    private static Response unauthorized(UriInfo uri) {
        return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", "Unauthorized", 401, "A valid bearer token is required.", path(uri),
                        List.of()))
                .build();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    private static String field(ConstraintViolation<?> violation) {
        // "create.request.name" -> "name": drop the method and parameter names a caller never sees;
        // "list.status" (a query or path parameter) -> "status"
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        if (parts.length == 2) {
            return parts[1];
        }
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : path;
    }

    private static String jsonPath(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        e.getPath().forEach(ref -> {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        });
        return path.toString();
    }
}

package io.actas.token.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.actas.support.Caller;
import io.actas.support.ProblemException;
import io.actas.token.oauth.Claims;
import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;

/**
 * {@code /api/v1/impersonation-sessions}: administrators with {@code sessions:read} / {@code sessions:write} see and end
 * every session; a user, with their own (not impersonated) token, sees and ends the sessions that impersonate them.
 */
@Path("/api/v1/impersonation-sessions")
@Tag(name = "Impersonation sessions", description = "Who is acting as whom, until when; end a session to revoke its tokens")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ImpersonationSessionResource {

    static final String READ = "sessions:read";
    static final String WRITE = "sessions:write";

    private final ImpersonationSessionService service;
    private final JsonWebToken token;

    public ImpersonationSessionResource(ImpersonationSessionService service, JsonWebToken token) {
        this.service = service;
        this.token = token;
    }

    @GET
    @Operation(summary = "List sessions", description = "Newest first, filtered by actor, subject, client and status. "
            + "Without sessions:read, a user's own token lists the sessions impersonating that user.")
    @APIResponse(responseCode = "200", description = "A page of sessions")
    @APIResponse(responseCode = "400", description = "Invalid filter or cursor")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Neither sessions:read nor a user's own token")
    public Uni<SessionView.Page> list(@QueryParam("actorId") String actorId, @QueryParam("subjectId") String subjectId,
            @QueryParam("clientId") String clientId,
            @Parameter(description = "active, ended or expired") @QueryParam("status") @Pattern(regexp = "active|ended|expired", message = "must be active, ended or expired") String status,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        SessionFilter filter = new SessionFilter(Optional.ofNullable(actorId), Optional.ofNullable(subjectId),
                Optional.ofNullable(clientId), Optional.ofNullable(status));
        SessionFilter allowed = allowed(READ).map(filter::forSubject).orElse(filter);
        return service.search(allowed, Optional.ofNullable(cursor), limit + 1).map(found -> {
            Instant now = Instant.now();
            List<SessionView> items = found.stream().limit(limit)
                    .map(session -> SessionView.of(session, service.act(session).act(), now)).toList();
            String next = found.size() > limit ? items.get(items.size() - 1).id() : null;
            return new SessionView.Page(items, next);
        });
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a session")
    @APIResponse(responseCode = "200", description = "The session")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Neither sessions:read nor a user's own token")
    @APIResponse(responseCode = "404", description = "No such session (or not one impersonating the caller)")
    public Uni<SessionView> get(@PathParam("id") String id) {
        Optional<String> onlySubject = allowed(READ);
        return service.find(id).map(found -> view(found.filter(session -> visible(session, onlySubject)), id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "End a session", description = "Revokes every token of it: introspection answers inactive and "
            + "its refresh tokens stop working. Ending an ended session changes nothing.")
    @APIResponse(responseCode = "200", description = "The ended session")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Neither sessions:write nor a user's own token")
    @APIResponse(responseCode = "404", description = "No such session (or not one impersonating the caller)")
    public Uni<SessionView> end(@PathParam("id") String id) {
        Optional<String> onlySubject = allowed(WRITE);
        Caller caller = Caller.of(token);
        return service.find(id).flatMap(found -> {
            if (found.filter(session -> visible(session, onlySubject)).isEmpty()) {
                throw ProblemException.notFound("Impersonation session", id);
            }
            return service.end(id, caller.subject());
        }).map(ended -> view(ended, id));
    }

    /**
     * Empty when the caller holds {@code scope}; the caller's user id when it is a user's own token (then only sessions
     * impersonating that user are visible); 403 otherwise (a client token, or an impersonated token — an actor never
     * manages sessions as the subject).
     */
    private Optional<String> allowed(String scope) {
        Caller caller = Caller.of(token);
        if (caller.scopes().contains(scope)) {
            return Optional.empty();
        }
        Object aut = token.getClaim(Claims.AUT);
        boolean userToken = aut != null && Claims.APPLICATION_USER.equals(aut.toString().replace("\"", ""));
        if (!userToken || caller.impersonated() || caller.subject() == null) {
            throw new ForbiddenException();
        }
        return Optional.of(caller.subject());
    }

    private static boolean visible(ImpersonationSession session, Optional<String> onlySubject) {
        return onlySubject.map(session.subjectId::equals).orElse(true);
    }

    private SessionView view(Optional<ImpersonationSession> session, String id) {
        ImpersonationSession found = session.orElseThrow(() -> ProblemException.notFound("Impersonation session", id));
        return SessionView.of(found, service.act(found).act(), Instant.now());
    }
}

package io.actas.token.key;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.actas.support.ProblemException;
import io.smallrye.mutiny.Uni;

/** Signing keys: list, and rotate (scope {@code clients:write}: whoever administers clients administers their trust). */
@Path("/api/v1/keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Signing keys", description = "Rotation of the token signing keys (clients:read, clients:write)")
@SecurityRequirement(name = "bearer")
public class KeyResource {

    private final KeyService keys;

    public KeyResource(KeyService keys) {
        this.keys = keys;
    }

    @GET
    @RolesAllowed("clients:read")
    @Operation(summary = "List signing keys, newest first")
    @APIResponse(responseCode = "200", description = "The keys (public facts only)")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks clients:read")
    public Uni<List<KeyView>> list() {
        return keys.list().map(all -> all.stream().map(KeyView::of).toList());
    }

    @GET
    @Path("/{kid}")
    @RolesAllowed("clients:read")
    @Operation(summary = "Read a signing key")
    @APIResponse(responseCode = "200", description = "The key (public facts only)")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks clients:read")
    @APIResponse(responseCode = "404", description = "No such key")
    public Uni<KeyView> get(@PathParam("kid") String kid) {
        return keys.find(kid).onItem().ifNull().failWith(() -> ProblemException.notFound("Key", kid)).map(KeyView::of);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("clients:write")
    @Operation(summary = "Rotate: a new key signs from now on", description = "The previous key stays in the JWKS "
            + "until the last token it signed has expired.")
    @APIResponse(responseCode = "201", description = "The new active key")
    @APIResponse(responseCode = "400", description = "Unknown algorithm")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks clients:write")
    public Uni<Response> rotate(KeyView.Rotation rotation) {
        return keys.rotate(rotation == null ? null : rotation.algorithm()).map(created -> Response
                .created(URI.create("/api/v1/keys/" + created.kid)).entity(KeyView.of(created)).build());
    }
}

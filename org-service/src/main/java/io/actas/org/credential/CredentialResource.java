package io.actas.org.credential;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/credentials")
// every operation needs a bearer token with the right scope
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
@Tag(name = "Credentials", description = "Password verification for token-service's login page")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CredentialResource {

    private final CredentialService service;

    public CredentialResource(CredentialService service) {
        this.service = service;
    }

    @POST
    @Path("/verify")
    @RolesAllowed("orgs:read")
    @Operation(summary = "Verify a username and password", description = "Answers in the same time whether or not the user exists. {valid: false} for an unknown user, a wrong password, or a disabled or locked user; consecutive failures lock the user.")
    @APIResponse(responseCode = "200", description = "The verdict", content = @Content(schema = @Schema(implementation = VerifyCredentialsResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Uni<VerifyCredentialsResponse> verify(@Valid @NotNull VerifyCredentialsRequest request) {
        return service.verify(request);
    }
}

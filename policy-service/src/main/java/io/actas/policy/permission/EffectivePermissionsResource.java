package io.actas.policy.permission;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/permissions/effective")
@Tag(name = "Permissions", description = "What a user holds through a client")
@Produces(MediaType.APPLICATION_JSON)
public class EffectivePermissionsResource {

    private final EffectivePermissionsService service;

    public EffectivePermissionsResource(EffectivePermissionsService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed("policies:read")
    @Operation(summary = "A user's effective permissions through a client in an organization", description = "The union "
            + "of the permissions of the roles the user holds in the organization whose audience is the client or `actas`. "
            + "An unknown user holds nothing.")
    @APIResponse(responseCode = "200", description = "The scopes, sorted")
    @APIResponse(responseCode = "400", description = "userId, clientId or organizationId missing")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks policies:read")
    public Uni<EffectivePermissions> effective(@QueryParam("userId") @NotBlank @Size(max = 64) String userId,
            @QueryParam("clientId") @NotBlank @Size(max = 200) String clientId,
            @QueryParam("organizationId") @NotBlank @Size(max = 64) String organizationId) {
        return service.effective(userId, clientId, organizationId);
    }
}

package io.actas.policy.role;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.actas.policy.Page;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/roles")
@Tag(name = "Roles", description = "Roles (permissions for one audience in one organization) and their assignments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoleResource {

    private final RoleService service;

    public RoleResource(RoleService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed("policies:write")
    @Operation(summary = "Create a role")
    @APIResponse(responseCode = "201", description = "Created; Location names the role")
    @APIResponse(responseCode = "400", description = "Invalid role (problem+json lists the fields)")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks policies:write")
    @APIResponse(responseCode = "409", description = "A role of that name exists for the organization and audience")
    public Uni<Response> create(@Valid @NotNull RoleRequest request) {
        return service.create(request)
                .map(role -> Response.created(URI.create("/api/v1/roles/" + role.id())).entity(role).build());
    }

    @GET
    @RolesAllowed("policies:read")
    @Operation(summary = "List roles", description = "Listing an organization's roles creates its built-in Impersonator role "
            + "if it does not exist yet.")
    @APIResponse(responseCode = "200", description = "A page of roles")
    @APIResponse(responseCode = "400", description = "Bad cursor or limit")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks policies:read")
    public Uni<Page<RoleResponse>> list(@QueryParam("organizationId") String organizationId,
            @QueryParam("audience") String audience,
            @Parameter(description = "only roles this user holds") @QueryParam("userId") String userId,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.list(organizationId, audience, userId, cursor, limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("policies:read")
    @Operation(summary = "Read a role")
    @APIResponse(responseCode = "200", description = "The role")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks policies:read")
    @APIResponse(responseCode = "404", description = "No such role")
    public Uni<RoleResponse> get(@PathParam("id") String id) {
        return service.get(id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("policies:write")
    @Operation(summary = "Replace a role's name, description and permissions")
    @APIResponse(responseCode = "200", description = "The changed role")
    @APIResponse(responseCode = "400", description = "Invalid change (problem+json lists the fields)")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks policies:write")
    @APIResponse(responseCode = "404", description = "No such role")
    @APIResponse(responseCode = "409", description = "The name is taken, or the built-in role would be renamed")
    public Uni<RoleResponse> update(@PathParam("id") String id, @Valid @NotNull RoleChange change) {
        return service.update(id, change);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("policies:write")
    @Operation(summary = "Delete a role", description = "Each removed assignment is announced on directory.events.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks policies:write")
    @APIResponse(responseCode = "404", description = "No such role")
    @APIResponse(responseCode = "409", description = "The built-in role, or a role named by impersonation policies")
    public Uni<Response> delete(@PathParam("id") String id) {
        return service.delete(id).replaceWith(Response.noContent().build());
    }

    @GET
    @Path("/{id}/assignments")
    @RolesAllowed("policies:read")
    @Operation(summary = "List who holds a role")
    @APIResponse(responseCode = "200", description = "A page of assignments")
    @APIResponse(responseCode = "400", description = "Bad cursor or limit")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks policies:read")
    @APIResponse(responseCode = "404", description = "No such role")
    public Uni<Page<AssignmentResponse>> assignments(@PathParam("id") String id, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return service.assignments(id, cursor, limit);
    }

    @POST
    @Path("/{id}/assignments")
    @RolesAllowed("policies:write")
    @Operation(summary = "Give a role to a user", description = "The user must be a member (resident or invited) of the "
            + "role's organization; org-service is asked.")
    @APIResponse(responseCode = "201", description = "Assigned")
    @APIResponse(responseCode = "400", description = "Invalid request, unknown user, or not a member of the organization")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks policies:write")
    @APIResponse(responseCode = "404", description = "No such role")
    @APIResponse(responseCode = "409", description = "The user already holds the role")
    @APIResponse(responseCode = "503", description = "org-service could not be reached")
    public Uni<Response> assign(@PathParam("id") String id, @Valid @NotNull AssignmentRequest request) {
        return service.assign(id, request).map(assignment -> Response
                .created(URI.create("/api/v1/roles/" + id + "/assignments/" + assignment.userId())).entity(assignment)
                .build());
    }

    @DELETE
    @Path("/{id}/assignments/{userId}")
    @RolesAllowed("policies:write")
    @Operation(summary = "Take a role from a user", description = "Announced on directory.events "
            + "(io.actas.directory.role.assignment.removed, key = user id).")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks policies:write")
    @APIResponse(responseCode = "404", description = "No such role or assignment")
    public Uni<Response> unassign(@PathParam("id") String id, @PathParam("userId") String userId) {
        return service.unassign(id, userId).replaceWith(Response.noContent().build());
    }
}

package io.actas.policy.rule;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.actas.policy.Page;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/impersonation-policies")
@Tag(name = "Impersonation policies", description = "Ordered allow/deny rules: who may impersonate whom, through which "
        + "client, in which organization, when, and with what grants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PolicyResource {

    private final PolicyService service;

    public PolicyResource(PolicyService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed("policies:write")
    @Operation(summary = "Create an impersonation rule")
    @APIResponse(responseCode = "201", description = "Created; Location names the rule")
    @APIResponse(responseCode = "400", description = "Invalid rule: empty, bad username pattern, window ending before it "
            + "starts, unknown effect or role (problem+json lists the fields)")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks policies:write")
    public Uni<Response> create(@Valid @NotNull PolicyRequest request) {
        return service.create(request).map(policy -> Response
                .created(URI.create("/api/v1/impersonation-policies/" + policy.id())).entity(policy).build());
    }

    @GET
    @RolesAllowed("policies:read")
    @Operation(summary = "List the rules in evaluation order")
    @APIResponse(responseCode = "200", description = "A page of rules")
    @APIResponse(responseCode = "400", description = "Bad cursor or limit")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks policies:read")
    public Uni<Page<PolicyResponse>> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.list(cursor, limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("policies:read")
    @Operation(summary = "Read a rule")
    @APIResponse(responseCode = "200", description = "The rule")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks policies:read")
    @APIResponse(responseCode = "404", description = "No such rule")
    public Uni<PolicyResponse> get(@PathParam("id") String id) {
        return service.get(id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("policies:write")
    @Operation(summary = "Replace a rule")
    @APIResponse(responseCode = "200", description = "The replaced rule")
    @APIResponse(responseCode = "400", description = "Invalid rule (problem+json lists the fields)")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks policies:write")
    @APIResponse(responseCode = "404", description = "No such rule")
    public Uni<PolicyResponse> replace(@PathParam("id") String id, @Valid @NotNull PolicyRequest request) {
        return service.replace(id, request);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("policies:write")
    @Operation(summary = "Delete a rule")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks policies:write")
    @APIResponse(responseCode = "404", description = "No such rule")
    public Uni<Response> delete(@PathParam("id") String id) {
        return service.delete(id).replaceWith(Response.noContent().build());
    }
}

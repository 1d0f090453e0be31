package io.actas.token.client;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.actas.token.oauth.NoStore;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Clients", description = "The OAuth client registry (scopes clients:read, clients:write)")
@SecurityRequirement(name = "bearer")
public class ClientResource {

    private final ClientService service;

    public ClientResource(ClientService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed("clients:read")
    @Operation(summary = "List clients, ordered by id")
    @APIResponse(responseCode = "200", description = "A page of clients; pass nextCursor as cursor for the next")
    @APIResponse(responseCode = "400", description = "Invalid paging parameters")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks clients:read")
    public Uni<ClientView.Page> list(@QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return service.page(cursor, limit);
    }

    @POST
    @RolesAllowed("clients:write")
    @Operation(summary = "Register a client", description = "A confidential client's secret is in this answer only.")
    @APIResponse(responseCode = "201", description = "Registered; clientSecret shown once")
    @APIResponse(responseCode = "400", description = "Invalid registration")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks clients:write")
    @APIResponse(responseCode = "409", description = "The client id is taken")
    public Uni<Response> create(@Valid @NotNull ClientRequest request) {
        return service.create(request).map(created -> NoStore
                .apply(Response.created(URI.create("/api/v1/clients/" + created.clientId())).entity(created)).build());
    }

    @GET
    @Path("/{clientId}")
    @RolesAllowed("clients:read")
    @Operation(summary = "Read a client")
    @APIResponse(responseCode = "200", description = "The client (never its secret)")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks clients:read")
    @APIResponse(responseCode = "404", description = "No such client")
    public Uni<ClientView> get(@PathParam("clientId") String clientId) {
        return service.find(clientId);
    }

    @PUT
    @Path("/{clientId}")
    @RolesAllowed("clients:write")
    @Operation(summary = "Replace a client's registration", description = "Type and secret are kept.")
    @APIResponse(responseCode = "200", description = "Updated")
    @APIResponse(responseCode = "400", description = "Invalid registration")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks clients:write")
    @APIResponse(responseCode = "404", description = "No such client")
    public Uni<ClientView> update(@PathParam("clientId") String clientId, @Valid @NotNull ClientRequest request) {
        return service.update(clientId, request);
    }

    @DELETE
    @Path("/{clientId}")
    @RolesAllowed("clients:write")
    @Operation(summary = "Delete a client", description = "Its tokens, refresh tokens and codes are revoked.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks clients:write")
    @APIResponse(responseCode = "404", description = "No such client")
    public Uni<Response> delete(@PathParam("clientId") String clientId) {
        return service.delete(clientId).map(ignored -> Response.noContent().build());
    }

    @POST
    @Path("/{clientId}/secret")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed("clients:write")
    @Operation(summary = "Rotate a confidential client's secret", description = "The old secret stops working at once.")
    @APIResponse(responseCode = "200", description = "The new secret, shown once")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks clients:write")
    @APIResponse(responseCode = "404", description = "No such client")
    @APIResponse(responseCode = "409", description = "Public clients have no secret")
    public Uni<Response> rotateSecret(@PathParam("clientId") String clientId) {
        return service.rotateSecret(clientId).map(view -> NoStore.apply(Response.ok(view)).build());
    }

    @GET
    @Path("/{clientId}/sharing")
    @RolesAllowed("clients:read")
    @Operation(summary = "Read whom a client is shared with", description = "Every current and future organization, "
            + "or a selected list; organization_switch works only into organizations the client is shared with.")
    @APIResponse(responseCode = "200", description = "The client's sharing")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks clients:read")
    @APIResponse(responseCode = "404", description = "No such client")
    public Uni<ClientRequest.Sharing> sharing(@PathParam("clientId") String clientId) {
        return service.sharing(clientId);
    }

    @PUT
    @Path("/{clientId}/sharing")
    @RolesAllowed("clients:write")
    @Operation(summary = "Share a client with organizations", description = "allOrganizations: every current and future "
            + "organization; otherwise the listed ones (each must exist in org-service). Replaces the previous sharing.")
    @APIResponse(responseCode = "200", description = "The client's new sharing")
    @APIResponse(responseCode = "400", description = "Both all and a list, or an unknown organization")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks clients:write")
    @APIResponse(responseCode = "404", description = "No such client")
    @APIResponse(responseCode = "503", description = "org-service did not answer")
    public Uni<ClientRequest.Sharing> share(@PathParam("clientId") String clientId,
            @Valid @NotNull ClientRequest.Sharing sharing) {
        return service.share(clientId, sharing);
    }
}

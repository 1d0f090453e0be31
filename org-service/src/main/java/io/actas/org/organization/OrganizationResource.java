package io.actas.org.organization;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.actas.org.common.Created;
import io.actas.org.common.Ids;
import io.actas.org.common.Page;
import io.actas.org.common.PageRequest;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/organizations")
// every operation needs a bearer token with the right scope
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
@Tag(name = "Organizations", description = "The organization tree")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganizationResource {

    private final OrganizationService service;

    public OrganizationResource(OrganizationService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed("orgs:write")
    @Operation(summary = "Create an organization under a parent")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = OrganizationResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<RestResponse<OrganizationResponse>> create(@Valid @NotNull CreateOrganizationRequest request) {
        return service.create(request)
                .map(created -> Created.at("/api/v1/organizations/" + created.id(), created));
    }

    @GET
    @RolesAllowed("orgs:read")
    @Operation(summary = "List organizations, filtered, one page at a time")
    @APIResponse(responseCode = "200", description = "One page; nextCursor is null on the last page", content = @Content(schema = @Schema(implementation = OrganizationPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Uni<Page<OrganizationResponse>> list(
            @Parameter(description = "only children of this organization") @QueryParam("parentId") String parentId,
            @QueryParam("handle") String handle,
            @Parameter(schema = @Schema(enumeration = { "active",
                    "disabled" })) @QueryParam("status") @Pattern(regexp = OrganizationStatus.PATTERN, message = "must be active or disabled") String status,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "page size, 1 to 200, default 50") @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        OrganizationFilter filter = new OrganizationFilter(Ids.queryId(parentId, "parentId"), handle,
                OrganizationStatus.of(status));
        return service.list(filter, page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("orgs:read")
    @Operation(summary = "Read an organization, with its ancestors")
    @APIResponse(responseCode = "200", description = "The organization", content = @Content(schema = @Schema(implementation = OrganizationResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<OrganizationResponse> get(@PathParam("id") String id) {
        return service.get(Ids.pathId(id, "Organization"));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed("orgs:write")
    @Operation(summary = "Rename, disable or re-enable an organization")
    @APIResponse(responseCode = "200", description = "The updated organization", content = @Content(schema = @Schema(implementation = OrganizationResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<OrganizationResponse> update(@PathParam("id") String id, @Valid @NotNull UpdateOrganizationRequest request) {
        return service.update(Ids.pathId(id, "Organization"), request);
    }

    @GET
    @Path("/{id}/children")
    @RolesAllowed("orgs:read")
    @Operation(summary = "List the direct children of an organization")
    @APIResponse(responseCode = "200", description = "One page; nextCursor is null on the last page", content = @Content(schema = @Schema(implementation = OrganizationPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Page<OrganizationResponse>> children(@PathParam("id") String id,
            @Parameter(schema = @Schema(enumeration = { "active",
                    "disabled" })) @QueryParam("status") @Pattern(regexp = OrganizationStatus.PATTERN, message = "must be active or disabled") String status,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        return service.children(Ids.pathId(id, "Organization"), OrganizationStatus.of(status), page);
    }

    /** The OpenAPI shape of a page of organizations. */
    @Schema(name = "OrganizationPage")
    record OrganizationPage(java.util.List<OrganizationResponse> items, String nextCursor) {
    }
}

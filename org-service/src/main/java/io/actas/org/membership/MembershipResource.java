package io.actas.org.membership;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

@Path("/api/v1/organizations/{id}/members")
// every operation needs a bearer token with the right scope
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
@Tag(name = "Memberships", description = "Residents of an organization and users invited into it")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MembershipResource {

    private static final String ORGANIZATION = "Organization";

    private final MembershipService service;

    public MembershipResource(MembershipService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed("orgs:write")
    @Operation(summary = "Invite a user of an ancestor organization into this organization")
    @APIResponse(responseCode = "201", description = "Invited", content = @Content(schema = @Schema(implementation = MembershipResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<RestResponse<MembershipResponse>> invite(@PathParam("id") String id,
            @Valid @NotNull InviteMemberRequest request) {
        return service.invite(Ids.pathId(id, ORGANIZATION), request).map(created -> Created
                .at("/api/v1/organizations/" + created.organizationId() + "/members/" + created.userId(), created));
    }

    @GET
    @RolesAllowed("orgs:read")
    @Operation(summary = "List the members of an organization (residents and invited users)")
    @APIResponse(responseCode = "200", description = "One page, ordered by user id; nextCursor is null on the last page", content = @Content(schema = @Schema(implementation = MembershipPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Page<MembershipResponse>> members(@PathParam("id") String id,
            @Parameter(schema = @Schema(enumeration = { "resident",
                    "invited" })) @QueryParam("type") @Pattern(regexp = MembershipType.PATTERN, message = "must be resident or invited") String type,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        return service.members(Ids.pathId(id, ORGANIZATION), MembershipType.of(type), page);
    }

    @DELETE
    @Path("/{userId}")
    @RolesAllowed("orgs:write")
    @Operation(summary = "Remove an invitation")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<Void> remove(@PathParam("id") String id, @PathParam("userId") String userId) {
        return service.removeInvitation(Ids.pathId(id, ORGANIZATION), Ids.pathId(userId, "User"));
    }

    /** The OpenAPI shape of a page of members. */
    @Schema(name = "MembershipPage")
    record MembershipPage(List<MembershipResponse> items, String nextCursor) {
    }
}

package io.actas.org.user;

import java.util.List;

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
import io.actas.org.membership.MembershipResponse;
import io.actas.org.membership.MembershipService;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/users")
// every operation needs a bearer token with the right scope
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
@Tag(name = "Users", description = "Users, their resident organization and status")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    private static final String USER = "User";

    private final UserService service;
    private final MembershipService memberships;

    public UserResource(UserService service, MembershipService memberships) {
        this.service = service;
        this.memberships = memberships;
    }

    @POST
    @RolesAllowed("orgs:write")
    @Operation(summary = "Create a user resident in an organization")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<RestResponse<UserResponse>> create(@Valid @NotNull CreateUserRequest request) {
        return service.create(request)
                .map(created -> Created.at("/api/v1/users/" + created.id(), created));
    }

    @GET
    @RolesAllowed("orgs:read")
    @Operation(summary = "List users, filtered, one page at a time")
    @APIResponse(responseCode = "200", description = "One page; nextCursor is null on the last page", content = @Content(schema = @Schema(implementation = UserPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Uni<Page<UserResponse>> list(
            @Parameter(description = "only residents of this organization") @QueryParam("organizationId") String organizationId,
            @Parameter(description = "exact, case-insensitive") @QueryParam("username") String username,
            @QueryParam("email") String email,
            @Parameter(schema = @Schema(enumeration = { "active", "disabled",
                    "locked" })) @QueryParam("status") @Pattern(regexp = UserStatus.PATTERN, message = "must be active, disabled or locked") String status,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "page size, 1 to 200, default 50") @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        UserFilter filter = new UserFilter(Ids.queryId(organizationId, "organizationId"), username, email,
                UserStatus.of(status));
        return service.list(filter, page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("orgs:read")
    @Operation(summary = "Read a user")
    @APIResponse(responseCode = "200", description = "The user", content = @Content(schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<UserResponse> get(@PathParam("id") String id) {
        return service.get(Ids.pathId(id, USER));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed("orgs:write")
    @Operation(summary = "Change a user's e-mail, display name, password or status (disable, lock, unlock)")
    @APIResponse(responseCode = "200", description = "The updated user", content = @Content(schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<UserResponse> update(@PathParam("id") String id, @Valid @NotNull UpdateUserRequest request) {
        return service.update(Ids.pathId(id, USER), request);
    }

    @GET
    @Path("/{id}/memberships")
    @RolesAllowed("orgs:read")
    @Operation(summary = "List a user's memberships: the resident one and invitations")
    @APIResponse(responseCode = "200", description = "Every membership, oldest first", content = @Content(schema = @Schema(implementation = MembershipResponse.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<List<MembershipResponse>> memberships(@PathParam("id") String id) {
        return memberships.ofUser(Ids.pathId(id, USER));
    }

    /** The OpenAPI shape of a page of users. */
    @Schema(name = "UserPage")
    record UserPage(List<UserResponse> items, String nextCursor) {
    }
}

package io.actas.token.upstream;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** org-service's REST contract (CONTRIBUTING.md), as far as token-service reads it. */
@RegisterRestClient(configKey = "org-service")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface OrgRestClient {

    @POST
    @Path("/credentials/verify")
    Uni<OrgClient.Verification> verify(@HeaderParam("Authorization") String authorization,
            OrgClient.Credentials credentials);

    @GET
    @Path("/users/{id}")
    Uni<OrgClient.User> user(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);

    @GET
    @Path("/users")
    Uni<OrgClient.UserPage> users(@HeaderParam("Authorization") String authorization,
            @QueryParam("organizationId") String organizationId, @QueryParam("username") String username);

    @GET
    @Path("/organizations/{id}")
    Uni<OrgClient.Organization> organization(@HeaderParam("Authorization") String authorization,
            @PathParam("id") String id);

    @GET
    @Path("/users/{id}/memberships")
    Uni<List<OrgClient.Membership>> memberships(@HeaderParam("Authorization") String authorization,
            @PathParam("id") String id);
}

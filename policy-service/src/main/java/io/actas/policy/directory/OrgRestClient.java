package io.actas.policy.directory;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** org-service's user API (CONTRIBUTING "Service-to-service REST contracts"); use {@link DirectoryClient}. */
@RegisterRestClient(configKey = "org-service")
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
interface OrgRestClient {

    @GET
    @Path("/{id}")
    Uni<DirectoryUser> user(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);

    @GET
    @Path("/{id}/memberships")
    Uni<List<Membership>> memberships(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);
}

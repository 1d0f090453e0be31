package io.actas.notification.org;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** org-service's read API (CONTRIBUTING, service-to-service contracts); use {@link OrgClient}. */
@RegisterRestClient(configKey = "org-service")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
interface OrgRestClient {

    @GET
    @Path("/users/{id}")
    Uni<OrgUser> user(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);

    @GET
    @Path("/organizations/{id}")
    Uni<Organization> organization(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);
}

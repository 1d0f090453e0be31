package io.actas.token.upstream;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** policy-service's REST contract (CONTRIBUTING.md), as far as token-service reads it. */
@RegisterRestClient(configKey = "policy-service")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
interface PolicyRestClient {

    @GET
    @Path("/permissions/effective")
    Uni<PolicyClient.EffectivePermissions> effective(@HeaderParam("Authorization") String authorization,
            @QueryParam("userId") String userId, @QueryParam("clientId") String clientId,
            @QueryParam("organizationId") String organizationId);

    @POST
    @Path("/decisions/impersonation")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<PolicyClient.ImpersonationDecision> decide(@HeaderParam("Authorization") String authorization,
            PolicyClient.ImpersonationQuestion question);
}

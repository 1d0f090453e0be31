package io.actas.policy.decision;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/decisions/impersonation")
@Tag(name = "Decisions", description = "May this actor impersonate this subject? Asked by token-service before it issues "
        + "an impersonated token")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DecisionResource {

    private final DecisionService service;

    public DecisionResource(DecisionService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed("policies:read")
    @Operation(summary = "Decide an impersonation", description = "Guards first (self-impersonation, actor and subject "
            + "status, same resident organization, the impersonation permission, the privilege ceiling), then the rules: "
            + "deny-overrides, default deny. A denial is a 200 with decision=deny and a reason code.")
    @APIResponse(responseCode = "200", description = "The decision (allow or deny)")
    @APIResponse(responseCode = "400", description = "Invalid request (problem+json lists the fields)")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks policies:read")
    @APIResponse(responseCode = "503", description = "org-service could not answer: no decision (fail closed)")
    public Uni<DecisionResponse> decide(@Valid @NotNull DecisionRequest request,
            @Parameter(description = "list every guard and every rule considered, and why each matched or not") @QueryParam("explain") boolean explain) {
        return service.decide(request, explain);
    }
}

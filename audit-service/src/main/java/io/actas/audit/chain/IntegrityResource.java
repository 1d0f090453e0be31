package io.actas.audit.chain;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.actas.support.Problem;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/audit-integrity")
@Tag(name = "Audit integrity", description = "Re-verification of the hash chain")
public class IntegrityResource {

    private final IntegrityService integrity;

    public IntegrityResource(IntegrityService integrity) {
        this.integrity = integrity;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("audit:read")
    @Operation(summary = "Re-verify the audit chain", description = "Recomputes every stored event's hash and link, from"
            + " the retention anchor to the head, and names the first position that does not verify. The answer is 200"
            + " either way; read status.")
    @APIResponse(responseCode = "200", description = "The verification report (status intact or broken)", content = @Content(schema = @Schema(implementation = IntegrityReport.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token lacks audit:read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<IntegrityReport> verify() {
        return integrity.verify();
    }
}

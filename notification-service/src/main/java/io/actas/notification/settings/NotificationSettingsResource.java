package io.actas.notification.settings;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.actas.support.Caller;
import io.actas.support.Problem;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/organizations/{orgId}/notification-settings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notification settings", description = "Whether and whom an organization's impersonated users are e-mailed")
@SecurityRequirement(name = "bearer")
public class NotificationSettingsResource {

    private final NotificationSettingsService service;
    private final JsonWebToken token;

    public NotificationSettingsResource(NotificationSettingsService service, JsonWebToken token) {
        this.service = service;
        this.token = token;
    }

    @GET
    @RolesAllowed("notifications:read")
    @Operation(summary = "The settings in force", description = "The organization's own settings, else its nearest ancestor's, else the defaults (on, no end-of-session mail, no contacts); `source` says which.")
    @APIResponse(responseCode = "200", description = "The settings in force", content = @Content(schema = @Schema(implementation = EffectiveSettings.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token lacks notifications:read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such organization", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "org-service did not answer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<EffectiveSettings> get(@PathParam("orgId") String orgId) {
        return service.effective(orgId);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("notifications:write")
    @Operation(summary = "Set the organization's own settings", description = "Replaces the organization's own settings; its child organizations without settings of their own inherit them.")
    @APIResponse(responseCode = "200", description = "The settings now in force (source = own)", content = @Content(schema = @Schema(implementation = EffectiveSettings.class)))
    @APIResponse(responseCode = "400", description = "Invalid settings (e.g. a contact that is not an e-mail address)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token lacks notifications:write", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such organization", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "org-service did not answer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<EffectiveSettings> put(@PathParam("orgId") String orgId, @NotNull @Valid SettingsRequest request) {
        return service.replace(orgId, request, Caller.of(token).subject());
    }

    @DELETE
    @RolesAllowed("notifications:write")
    @Operation(summary = "Drop the organization's own settings", description = "The organization inherits its nearest ancestor's settings again.")
    @APIResponse(responseCode = "204", description = "Dropped")
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token lacks notifications:write", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such organization, or it has no settings of its own", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "org-service did not answer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Void> delete(@PathParam("orgId") String orgId) {
        return service.reset(orgId);
    }
}

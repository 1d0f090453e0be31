package io.actas.notification.template;

import java.util.List;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.actas.support.Caller;
import io.actas.support.Problem;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/organizations/{orgId}/templates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notification templates", description = "What the mails say, per organization, type and locale (Qute syntax)")
@SecurityRequirement(name = "bearer")
public class TemplateResource {

    private final TemplateService service;
    private final JsonWebToken token;

    public TemplateResource(TemplateService service, JsonWebToken token) {
        this.service = service;
        this.token = token;
    }

    @GET
    @RolesAllowed("notifications:read")
    @Operation(summary = "The templates in force", description = "One entry per type, for readers without a locale.")
    @APIResponse(responseCode = "200", description = "The templates in force", content = @Content(schema = @Schema(implementation = TemplateView.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token lacks notifications:read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such organization", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "org-service did not answer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<TemplateView>> list(@PathParam("orgId") String orgId) {
        return service.list(orgId);
    }

    @GET
    @Path("/{type}")
    @RolesAllowed("notifications:read")
    @Operation(summary = "The template in force for a type", description = "The organization's own template, else its nearest ancestor's, else the built-in one; `source` says which.")
    @APIResponse(responseCode = "200", description = "The template in force", content = @Content(schema = @Schema(implementation = TemplateView.class)))
    @APIResponse(responseCode = "400", description = "The locale is not a language tag", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token lacks notifications:read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such organization or template type", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "org-service did not answer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TemplateView> get(@PathParam("orgId") String orgId,
            @Parameter(description = "session-started or session-ended") @PathParam("type") String type,
            @Parameter(description = "Language tag of the reader, e.g. de-CH (falls back to de, then any)") @QueryParam("locale") String locale) {
        return service.get(orgId, type, locale);
    }

    @PUT
    @Path("/{type}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("notifications:write")
    @Operation(summary = "Set the organization's template for a type", description = "Validated before it is stored: each part must parse and use only the type's variables.")
    @APIResponse(responseCode = "200", description = "The stored template (source = own)", content = @Content(schema = @Schema(implementation = TemplateView.class)))
    @APIResponse(responseCode = "400", description = "A part does not parse, uses an unknown variable, or the locale is not a language tag", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token lacks notifications:write", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such organization or template type", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "org-service did not answer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TemplateView> put(@PathParam("orgId") String orgId, @PathParam("type") String type,
            @QueryParam("locale") String locale, @NotNull @Valid TemplateRequest request) {
        return service.put(orgId, type, locale, request, Caller.of(token).subject());
    }

    @DELETE
    @Path("/{type}")
    @RolesAllowed("notifications:write")
    @Operation(summary = "Drop the organization's template for a type", description = "The inherited or built-in template applies again.")
    @APIResponse(responseCode = "204", description = "Dropped")
    @APIResponse(responseCode = "400", description = "The locale is not a language tag", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token lacks notifications:write", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such organization, type, or own template", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "org-service did not answer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Void> delete(@PathParam("orgId") String orgId, @PathParam("type") String type,
            @QueryParam("locale") String locale) {
        return service.delete(orgId, type, locale);
    }
}

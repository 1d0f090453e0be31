package io.actas.audit.event;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;

import io.actas.support.Caller;
import io.actas.support.Problem;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/audit-events")
@Tag(name = "Audit events", description = "The audit trail: query, export, and ingest from downstream applications")
public class AuditEventResource {

    private final AuditQueryService query;
    private final IngestService ingest;
    private final JsonWebToken token;

    public AuditEventResource(AuditQueryService query, IngestService ingest, JsonWebToken token) {
        this.query = query;
        this.ingest = ingest;
        this.token = token;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("audit:read")
    @Operation(summary = "Search audit events", description = "Newest first. Filters combine with AND; type may repeat"
            + " (any matches) and may end in * for a prefix. Follow nextCursor for older pages.")
    @APIResponse(responseCode = "200", description = "A page of events, newest first", content = @Content(schema = @Schema(implementation = AuditEventPage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is malformed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token lacks audit:read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AuditEventPage> search(
            @Parameter(description = "Actor user id (act.sub)") @QueryParam("actor") String actor,
            @Parameter(description = "Subject user id (the impersonated user, or the principal of a change)") @QueryParam("subject") String subject,
            @Parameter(description = "Organization id") @QueryParam("organization") String organization,
            @Parameter(description = "OAuth client id") @QueryParam("client") String client,
            @Parameter(description = "Impersonation session id (imp.sid)") @QueryParam("session") String session,
            @Parameter(description = "Event type, or a prefix ending in *; repeatable", example = "io.actas.resource.*") @QueryParam("type") List<String> types,
            @Parameter(description = "success, failure or denied") @QueryParam("outcome") String outcome,
            @Parameter(description = "Events at or after this time (RFC 3339)", example = "2025-01-27T00:00:00Z") @QueryParam("from") String from,
            @Parameter(description = "Events before this time (RFC 3339)") @QueryParam("to") String to,
            @Parameter(description = "true: only events with an actor (impersonated); false: only without", schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("impersonated") String impersonated,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 500 (default 50)", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("limit") String limit) {
        return query.page(new AuditQueryService.Parameters(actor, subject, organization, client, session, types, outcome,
                from, to, impersonated), cursor, limit);
    }

    @GET
    @Path("/export")
    // no @Produces: the format parameter decides, and RestMulti carries the Content-Type
    @RolesAllowed("audit:read")
    @Operation(summary = "Export audit events", description = "Streams every matching event, oldest first, as NDJSON (one"
            + " event per line, as GET returns them) or CSV (header line first). Same filters as the search; the"
            + " response is written while the database is read, so any range can be exported.")
    @APIResponse(responseCode = "200", description = "The events, streamed", content = {
            @Content(mediaType = "application/x-ndjson"), @Content(mediaType = "text/csv") })
    @APIResponse(responseCode = "400", description = "A parameter is malformed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token lacks audit:read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestMulti<String> export(
            @Parameter(description = "ndjson (default) or csv") @QueryParam("format") String format,
            @Parameter(description = "Events at or after this time (RFC 3339)") @QueryParam("from") String from,
            @Parameter(description = "Events before this time (RFC 3339)") @QueryParam("to") String to,
            @QueryParam("actor") String actor, @QueryParam("subject") String subject,
            @QueryParam("organization") String organization, @QueryParam("client") String client,
            @QueryParam("session") String session, @QueryParam("type") List<String> types,
            @QueryParam("outcome") String outcome, @QueryParam("impersonated") String impersonated) {
        ExportFormat exportFormat = query.format(format);
        Multi<String> lines = query.export(exportFormat, new AuditQueryService.Parameters(actor, subject, organization,
                client, session, types, outcome, from, to, impersonated));
        return RestMulti.fromMultiData(lines)
                .header("Content-Type", exportFormat.mediaType() + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"audit-events." + exportFormat.extension() + "\"")
                .build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("audit:read")
    @Operation(summary = "Read one audit event")
    @APIResponse(responseCode = "200", description = "The event", content = @Content(schema = @Schema(implementation = AuditEventView.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token lacks audit:read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No event has this id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AuditEventView> get(@PathParam("id") String id) {
        return query.byId(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("audit:write")
    @Operation(summary = "Report a change made with an impersonated token", description = "For applications downstream"
            + " of ActAs: after serving a mutating request whose token carried act, send its act, sub and imp.sid claims"
            + " and what the request did. Stored in the chain and published to audit.events as io.actas.resource.*"
            + " with the same id. Sending the same id again is safe.")
    @APIResponse(responseCode = "201", description = "Stored and published", content = @Content(schema = @Schema(implementation = AuditEventView.class)))
    @APIResponse(responseCode = "200", description = "Already stored under this id (a retry); nothing new written", content = @Content(schema = @Schema(implementation = AuditEventView.class)))
    @APIResponse(responseCode = "400", description = "The report is not valid; violations name the fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token lacks audit:write", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "This id is stored with different content", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> report(@NotNull @Valid IngestRequest request) {
        return ingest.ingest(request, Caller.of(token)).map(ingested -> ingested.created()
                ? Response.created(URI.create("/api/v1/audit-events/" + ingested.event().id())).entity(ingested.event())
                        .build()
                : Response.ok(ingested.event()).build());
    }
}

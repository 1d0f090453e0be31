package io.actas.notification.delivery;

import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.actas.notification.template.TemplateType;
import io.actas.support.Problem;
import io.actas.support.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Delivery log", description = "Every mail sent or attempted, one row per (event, recipient)")
@SecurityRequirement(name = "bearer")
public class DeliveryResource {

    private static final Set<String> STATUSES = Set.of(Delivery.PENDING, Delivery.RETRYING, Delivery.SENT, Delivery.FAILED);

    private final DeliveryRepository repository;

    public DeliveryResource(DeliveryRepository repository) {
        this.repository = repository;
    }

    @GET
    @RolesAllowed("notifications:read")
    @WithSession
    @Operation(summary = "Search the delivery log", description = "Newest first; every filter is optional and they combine.")
    @APIResponse(responseCode = "200", description = "A page of deliveries", content = @Content(schema = @Schema(implementation = DeliveryPage.class)))
    @APIResponse(responseCode = "400", description = "Unknown status or kind, bad cursor or limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token lacks notifications:read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<DeliveryPage> search(
            @Parameter(description = "pending, retrying, sent or failed") @QueryParam("status") String status,
            @Parameter(description = "session-started or session-ended") @QueryParam("kind") String kind,
            @QueryParam("sessionId") String sessionId,
            @QueryParam("eventId") String eventId,
            @QueryParam("organizationId") String organizationId,
            @QueryParam("subjectId") String subjectId,
            @Parameter(description = "E-mail address (case-insensitive)") @QueryParam("recipient") String recipient,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        if (status != null && !STATUSES.contains(status)) {
            throw ProblemException.badRequest("Unknown status '" + status + "'; use pending, retrying, sent or failed.");
        }
        if (kind != null && TemplateType.of(kind).isEmpty()) {
            throw ProblemException.badRequest("Unknown kind '" + kind + "'; use session-started or session-ended.");
        }
        DeliveryFilter filter = new DeliveryFilter(status, kind, sessionId, eventId, organizationId, subjectId, recipient);
        return repository.search(filter, cursor(cursor), limit + 1).map(rows -> {
            List<DeliveryView> items = rows.stream().limit(limit).map(DeliveryView::of).toList();
            String next = rows.size() > limit ? String.valueOf(items.get(items.size() - 1).id()) : null;
            return new DeliveryPage(items, next);
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("notifications:read")
    @WithSession
    @Operation(summary = "One delivery")
    @APIResponse(responseCode = "200", description = "The delivery", content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token lacks notifications:read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such delivery", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<DeliveryView> get(@PathParam("id") long id) {
        return repository.findById(id).map(delivery -> {
            if (delivery == null) {
                throw ProblemException.notFound("Delivery", String.valueOf(id));
            }
            return DeliveryView.of(delivery);
        });
    }

    private static Long cursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("The cursor is not one this API gave out.");
        }
    }
}

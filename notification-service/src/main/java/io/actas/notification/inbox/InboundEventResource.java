package io.actas.notification.inbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.actas.notification.delivery.DeliveryRepository;
import io.actas.notification.delivery.DeliveryView;
import io.actas.support.Problem;
import io.actas.support.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/notifications/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Delivery log")
@SecurityRequirement(name = "bearer")
public class InboundEventResource {

    private final InboundEventRepository events;
    private final DeliveryRepository deliveries;

    public InboundEventResource(InboundEventRepository events, DeliveryRepository deliveries) {
        this.events = events;
        this.deliveries = deliveries;
    }

    @GET
    @Path("/{eventId}")
    @RolesAllowed("notifications:read")
    @WithSession
    @Operation(summary = "How an impersonation event was handled", description = "Answers why a user got no mail: settings suppressed it, it failed, or it is still pending.")
    @APIResponse(responseCode = "200", description = "The event and its deliveries", content = @Content(schema = @Schema(implementation = InboundEventView.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token lacks notifications:read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "This service has not received the event (or does not act on its type)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<InboundEventView> get(@PathParam("eventId") String eventId) {
        return events.findById(eventId).chain(event -> {
            if (event == null) {
                throw ProblemException.notFound("Event", eventId);
            }
            return deliveries.ofEvent(eventId)
                    .map(rows -> InboundEventView.of(event, rows.stream().map(DeliveryView::of).toList()));
        });
    }
}

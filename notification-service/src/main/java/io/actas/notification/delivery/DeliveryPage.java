package io.actas.notification.delivery;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the delivery log, newest first. */
@Schema(description = "A page of the delivery log, newest first.")
public record DeliveryPage(List<DeliveryView> items,
        @Schema(description = "Pass as cursor for the next page; absent on the last page") String nextCursor) {
}

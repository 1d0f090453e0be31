package io.actas.org.membership;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A membership on the wire. */
public record MembershipResponse(
        String organizationId,
        String userId,
        @Schema(enumeration = {
                "resident", "invited" }) String type,
        Instant createdAt){

    public static MembershipResponse of(Membership membership) {
        return new MembershipResponse(membership.organizationId.toString(), membership.userId.toString(),
                membership.type.value(), membership.createdAt);
    }
}

package io.actas.org.membership;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.actas.org.common.Page;
import io.actas.org.common.PageRequest;
import io.actas.org.common.UniqueViolation;
import io.actas.org.organization.Organization;
import io.actas.org.organization.OrganizationService;
import io.actas.org.user.User;
import io.actas.org.user.UserService;
import io.actas.support.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Residence and invitations. A user is resident in one organization (set when the user is created) and can be invited
 * into its descendants only: an invitation goes from an ancestor organization down the tree, never sideways or up.
 */
@ApplicationScoped
public class MembershipService {

    private final MembershipRepository memberships;
    private final OrganizationService organizations;
    private final UserService users;

    public MembershipService(MembershipRepository memberships, OrganizationService organizations, UserService users) {
        this.memberships = memberships;
        this.organizations = organizations;
        this.users = users;
    }

    public Uni<MembershipResponse> invite(UUID organizationId, InviteMemberRequest request) {
        return Panache.withTransaction(() -> organizations.require(organizationId)
                .chain(organization -> users.require(request.userId())
                        .call(user -> requireInvitable(user, organization))
                        .chain(user -> memberships.persistAndFlush(
                                Membership.of(user.id, organization.id, MembershipType.INVITED)))))
                .onFailure(UniqueViolation::is).transform(e -> alreadyMember(request.userId(), organizationId))
                .map(MembershipResponse::of);
    }

    /** §: the user must live in a strict ancestor of the organization, and not be a member already. */
    private Uni<Void> requireInvitable(User user, Organization organization) {
        return organizations.require(user.organizationId).chain(residence -> {
            if (!residence.isAncestorOf(organization)) {
                return Uni.createFrom().failure(ProblemException.badRequest("User " + user.id
                        + " is not resident in an ancestor of organization " + organization.id
                        + "; invitations go from an ancestor organization into a descendant."));
            }
            return memberships.find(user.id, organization.id).map(existing -> {
                if (existing != null) {
                    throw alreadyMember(user.id, organization.id);
                }
                return null;
            });
        });
    }

    @WithTransaction
    public Uni<Void> removeInvitation(UUID organizationId, UUID userId) {
        return memberships.find(userId, organizationId).chain(membership -> {
            if (membership == null) {
                return Uni.createFrom().failure(
                        ProblemException.notFound("Membership of user " + userId + " in organization",
                                organizationId.toString()));
            }
            if (membership.type == MembershipType.RESIDENT) {
                return Uni.createFrom().failure(ProblemException.conflict(
                        "A resident membership cannot be removed; disable the user instead."));
            }
            return memberships.delete(membership);
        });
    }

    @WithSession
    public Uni<Page<MembershipResponse>> members(UUID organizationId, MembershipType type, PageRequest page) {
        return organizations.require(organizationId)
                .chain(organization -> memberships.page(organization.id, type, page))
                .map(rows -> Page.of(rows, page, membership -> membership.userId, MembershipResponse::of));
    }

    @WithSession
    public Uni<List<MembershipResponse>> ofUser(UUID userId) {
        return users.require(userId)
                .chain(user -> memberships.ofUser(user.id))
                .map(rows -> rows.stream().map(MembershipResponse::of).toList());
    }

    private static ProblemException alreadyMember(UUID userId, UUID organizationId) {
        return ProblemException.conflict("User " + userId + " is already a member of organization " + organizationId + ".");
    }
}

package io.actas.policy.role;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.actas.events.RoleAssignmentRemoved;
import io.actas.policy.Page;
import io.actas.policy.directory.DirectoryClient;
import io.actas.policy.directory.DirectoryUser;
import io.actas.policy.directory.Membership;
import io.actas.policy.rule.ImpersonationPolicyRepository;
import io.actas.support.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Roles and their assignments. Every organization has a built-in {@value Permissions#IMPERSONATOR_ROLE} role (audience
 * {@value Permissions#SUITE_AUDIENCE}, permissions {@code impersonation} and {@code org_impersonation}); it is created
 * the first time the roles API meets the organization (listing its roles, creating a role in it) and cannot be deleted.
 */
@ApplicationScoped
public class RoleService {

    private static final String ROLE = "Role";

    private final RoleRepository roles;
    private final RoleAssignmentRepository assignments;
    private final ImpersonationPolicyRepository policies;
    private final DirectoryClient directory;
    private final RoleAssignmentProducer producer;

    public RoleService(RoleRepository roles, RoleAssignmentRepository assignments, ImpersonationPolicyRepository policies,
            DirectoryClient directory, RoleAssignmentProducer producer) {
        this.roles = roles;
        this.assignments = assignments;
        this.policies = policies;
        this.directory = directory;
        this.producer = producer;
    }

    public Uni<RoleResponse> create(RoleRequest request) {
        return Panache.withTransaction(() -> ensureImpersonator(request.organizationId())
                .chain(() -> roles.findByName(request.organizationId(), request.audience(), request.name()))
                .chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().failure(nameTaken(request.name()));
                    }
                    Role role = new Role();
                    role.id = UUID.randomUUID().toString();
                    role.organizationId = request.organizationId();
                    role.audience = request.audience();
                    role.name = request.name();
                    role.description = request.description();
                    role.permissionSet(request.permissions());
                    role.createdAt = Instant.now();
                    role.updatedAt = role.createdAt;
                    return roles.persistAndFlush(role);
                }))
                .map(RoleResponse::of);
    }

    public Uni<Page<RoleResponse>> list(String organizationId, String audience, String userId, String cursor,
            Integer limit) {
        int offset = Page.offset(cursor);
        int size = Page.limit(limit);
        return Panache.withTransaction(() -> (organizationId == null ? Uni.createFrom().voidItem()
                : ensureImpersonator(organizationId))
                .chain(() -> roles.search(organizationId, audience, userId, offset, size + 1)))
                .map(rows -> Page.of(rows.stream().map(RoleResponse::of).toList(), offset, size));
    }

    public Uni<RoleResponse> get(String id) {
        return Panache.withSession(() -> existing(id)).map(RoleResponse::of);
    }

    public Uni<RoleResponse> update(String id, RoleChange change) {
        return Panache.withTransaction(() -> existing(id)
                .call(role -> role.name.equals(change.name()) ? Uni.createFrom().voidItem()
                        : checkRenamable(role, change.name()))
                .invoke(role -> {
                    role.name = change.name();
                    role.description = change.description();
                    role.permissionSet(change.permissions());
                    role.updatedAt = Instant.now();
                }).call(roles::flush))
                .map(RoleResponse::of);
    }

    /** Deletes a role and its assignments; each removed assignment is announced after the commit. */
    public Uni<Void> delete(String id) {
        return Panache.withTransaction(() -> existing(id)
                .call(this::checkDeletable)
                .chain(role -> assignments.holders(id)
                        .map(holders -> holders.stream().map(userId -> removal(role, userId)).toList())
                        .call(() -> assignments.delete("role.id", id))
                        .call(() -> roles.delete(role))))
                .invoke(producer::removed)
                .replaceWithVoid();
    }

    public Uni<Page<AssignmentResponse>> assignments(String roleId, String cursor, Integer limit) {
        int offset = Page.offset(cursor);
        int size = Page.limit(limit);
        return Panache.withSession(() -> existing(roleId).chain(() -> assignments.forRole(roleId, offset, size + 1)))
                .map(rows -> Page.of(rows.stream().map(AssignmentResponse::of).toList(), offset, size));
    }

    /** Gives the role to a user who org-service says is a member (resident or invited) of the role's organization. */
    public Uni<AssignmentResponse> assign(String roleId, AssignmentRequest request) {
        return Panache.withSession(() -> existing(roleId))
                .call(role -> checkMember(request.userId(), role.organizationId))
                .chain(role -> Panache.withTransaction(() -> assignments.findAssignment(roleId, request.userId())
                        .chain(existing -> {
                            if (existing != null) {
                                return Uni.createFrom().failure(ProblemException
                                        .conflict("User " + request.userId() + " already holds role " + roleId));
                            }
                            RoleAssignment assignment = new RoleAssignment();
                            assignment.id = UUID.randomUUID().toString();
                            assignment.userId = request.userId();
                            assignment.assignedAt = Instant.now();
                            return existing(roleId).invoke(fresh -> assignment.role = fresh)
                                    .chain(() -> assignments.persistAndFlush(assignment));
                        })))
                .map(AssignmentResponse::of);
    }

    /** Takes the role from the user; announced on {@code directory.events} after the commit. */
    public Uni<Void> unassign(String roleId, String userId) {
        return Panache.withTransaction(() -> existing(roleId)
                .chain(role -> assignments.findAssignment(roleId, userId).chain(assignment -> {
                    if (assignment == null) {
                        return Uni.createFrom().failure(
                                ProblemException.notFound("Assignment of role " + roleId + " to user", userId));
                    }
                    return assignments.delete(assignment).replaceWith(removal(role, userId));
                })))
                .invoke(removal -> producer.removed(List.of(removal)))
                .replaceWithVoid();
    }

    /** Creates the organization's Impersonator role unless it exists (safe against concurrent first uses). */
    Uni<Void> ensureImpersonator(String organizationId) {
        Instant now = Instant.now();
        return Panache.getSession()
                .chain(session -> session
                        .createNativeQuery(
                                """
                                        insert into roles (id, organization_id, audience, name, description, permissions, built_in, created_at, updated_at)
                                        values (:id, :organizationId, :audience, :name, :description, :permissions, true, :now, :now)
                                        on conflict (organization_id, audience, name) do nothing""")
                        .setParameter("id", UUID.randomUUID().toString())
                        .setParameter("organizationId", organizationId)
                        .setParameter("audience", Permissions.SUITE_AUDIENCE)
                        .setParameter("name", Permissions.IMPERSONATOR_ROLE)
                        .setParameter("description", "May impersonate users of this organization (default role)")
                        .setParameter("permissions", Permissions.IMPERSONATION + " " + Permissions.ORG_IMPERSONATION)
                        .setParameter("now", now)
                        .executeUpdate())
                .replaceWithVoid();
    }

    private Uni<Role> existing(String id) {
        return roles.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound(ROLE, id));
    }

    private Uni<Void> checkRenamable(Role role, String newName) {
        if (role.builtIn) {
            return Uni.createFrom().failure(ProblemException.conflict(
                    "The built-in " + Permissions.IMPERSONATOR_ROLE + " role keeps its name; change its permissions only"));
        }
        return roles.findByName(role.organizationId, role.audience, newName)
                .chain(other -> other == null ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(nameTaken(newName)));
    }

    private Uni<Void> checkDeletable(Role role) {
        if (role.builtIn) {
            return Uni.createFrom().failure(ProblemException.conflict(
                    "The built-in " + Permissions.IMPERSONATOR_ROLE
                            + " role cannot be deleted; remove its assignments instead"));
        }
        return policies.countReferencing(role.id).chain(count -> count == 0 ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(ProblemException.conflict("Role " + role.id + " is named by " + count
                        + " impersonation polic" + (count == 1 ? "y" : "ies") + "; change those first")));
    }

    private Uni<Void> checkMember(String userId, String organizationId) {
        return directory.user(userId).chain(user -> {
            if (user.isEmpty()) {
                return Uni.createFrom().failure(ProblemException.badRequest("User " + userId + " does not exist"));
            }
            if (organizationId.equals(user.map(DirectoryUser::organizationId).orElse(null))) {
                return Uni.createFrom().voidItem();
            }
            return directory.memberships(userId).chain(memberships -> memberships.stream()
                    .map(Membership::organizationId).anyMatch(organizationId::equals) ? Uni.createFrom().voidItem()
                            : Uni.createFrom().failure(ProblemException.badRequest(
                                    "User " + userId + " is not a member of organization " + organizationId)));
        });
    }

    private static RoleAssignmentRemoved removal(Role role, String userId) {
        return new RoleAssignmentRemoved(userId, role.id, role.name, role.organizationId,
                List.copyOf(role.permissionSet()));
    }

    private static ProblemException nameTaken(String name) {
        return ProblemException.conflict("A role named '" + name + "' already exists for this organization and audience");
    }
}

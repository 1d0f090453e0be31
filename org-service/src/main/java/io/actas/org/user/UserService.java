package io.actas.org.user;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.actas.events.UserStatusChanged;
import io.actas.org.common.Ids;
import io.actas.org.common.Page;
import io.actas.org.common.PageRequest;
import io.actas.org.common.UniqueViolation;
import io.actas.org.credential.PasswordHasher;
import io.actas.org.membership.Membership;
import io.actas.org.membership.MembershipRepository;
import io.actas.org.membership.MembershipType;
import io.actas.org.organization.OrganizationService;
import io.actas.support.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class UserService {

    private final UserRepository users;
    private final MembershipRepository memberships;
    private final OrganizationService organizations;
    private final PasswordHasher hasher;
    private final DirectoryEventProducer events;

    public UserService(UserRepository users, MembershipRepository memberships, OrganizationService organizations,
            PasswordHasher hasher, DirectoryEventProducer events) {
        this.users = users;
        this.memberships = memberships;
        this.organizations = organizations;
        this.hasher = hasher;
        this.events = events;
    }

    /** Creates the user and its resident membership in one transaction; the password is hashed before it starts. */
    public Uni<UserResponse> create(CreateUserRequest request) {
        String username = User.normalize(request.username());
        return hasher.hash(checkedPassword(request.password()))
                .chain(hash -> Panache.withTransaction(() -> organizations.require(request.organizationId())
                        .call(organization -> users.findByUsername(username).invoke(existing -> {
                            if (existing != null) {
                                throw usernameTaken(username);
                            }
                        }))
                        .chain(organization -> {
                            User user = new User();
                            user.id = Ids.next();
                            user.username = username;
                            user.email = request.email();
                            user.displayName = request.displayName();
                            user.organizationId = organization.id;
                            user.status = request.status() == null ? UserStatus.ACTIVE : UserStatus.of(request.status());
                            user.passwordHash = hash;
                            user.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                            user.updatedAt = user.createdAt;
                            return users.persist(user)
                                    .call(() -> memberships.persistAndFlush(
                                            Membership.of(user.id, organization.id, MembershipType.RESIDENT)));
                        })))
                .onFailure(UniqueViolation::is).transform(e -> usernameTaken(username))
                .map(UserResponse::of);
    }

    @WithSession
    public Uni<UserResponse> get(UUID id) {
        return require(id).map(UserResponse::of);
    }

    @WithSession
    public Uni<Page<UserResponse>> list(UserFilter filter, PageRequest page) {
        return users.page(filter, page).map(rows -> Page.of(rows, page, user -> user.id, UserResponse::of));
    }

    /**
     * Applies the changes; a status change is announced on {@code directory.events} once committed, so token-service
     * can end the sessions of a user who was disabled or locked.
     */
    public Uni<UserResponse> update(UUID id, UpdateUserRequest request) {
        return hasher.hash(checkedPassword(request.password()))
                .chain(hash -> Panache.withTransaction(() -> require(id).map(user -> apply(user, request, hash))))
                .invoke(change -> {
                    if (change.statusChange() != null) {
                        events.userStatusChanged(change.statusChange());
                    }
                })
                .map(Change::user);
    }

    private static Change apply(User user, UpdateUserRequest request, String passwordHash) {
        if (request.email() != null) {
            user.email = request.email();
        }
        if (request.displayName() != null) {
            user.displayName = request.displayName();
        }
        if (passwordHash != null) {
            user.passwordHash = passwordHash;
        }
        UserStatus previous = user.status;
        boolean statusChanged = user.changeStatus(UserStatus.of(request.status()));
        user.updatedAt = Instant.now();
        UserStatusChanged change = statusChanged ? new UserStatusChanged(user.id.toString(), user.organizationId.toString(),
                previous.value(), user.status.value()) : null;
        return new Change(UserResponse.of(user), change);
    }

    /** The user with this id, or a 404. Call inside a session. */
    public Uni<User> require(UUID id) {
        return users.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("User", id.toString()));
    }

    private static String checkedPassword(String password) {
        if (password != null && !PasswordHasher.fits(password)) {
            throw ProblemException.badRequest("The password is longer than " + PasswordHasher.MAX_PASSWORD_BYTES
                    + " bytes in UTF-8, more than bcrypt reads.");
        }
        return password;
    }

    private static ProblemException usernameTaken(String username) {
        return ProblemException.conflict("A user with username '" + username + "' already exists.");
    }

    private record Change(UserResponse user, UserStatusChanged statusChange) {
    }
}

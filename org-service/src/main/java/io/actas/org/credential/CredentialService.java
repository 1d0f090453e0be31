package io.actas.org.credential;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

import io.actas.events.UserStatusChanged;
import io.actas.org.user.DirectoryEventProducer;
import io.actas.org.user.User;
import io.actas.org.user.UserRepository;
import io.actas.org.user.UserStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Password verification for token-service's login page. Every request does the same bcrypt work whether or not the user
 * exists, and the answer never says which check failed. {@code max-failed-attempts} consecutive failures lock the user.
 */
@ApplicationScoped
public class CredentialService {

    private static final Logger LOG = Logger.getLogger(CredentialService.class);

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final DirectoryEventProducer events;
    private final int maxFailedAttempts;

    public CredentialService(UserRepository users, PasswordHasher hasher, DirectoryEventProducer events,
            CredentialsConfig config) {
        this.users = users;
        this.hasher = hasher;
        this.events = events;
        this.maxFailedAttempts = config.maxFailedAttempts();
    }

    public Uni<VerifyCredentialsResponse> verify(VerifyCredentialsRequest request) {
        return Panache.withSession(() -> users.findByUsername(request.username()))
                .chain(user -> hasher.matches(request.password(), user == null ? null : user.passwordHash)
                        .chain(matched -> outcome(user, matched)));
    }

    private Uni<VerifyCredentialsResponse> outcome(User user, boolean matched) {
        if (user == null || user.passwordHash == null || user.status != UserStatus.ACTIVE) {
            return Uni.createFrom().item(VerifyCredentialsResponse.INVALID);
        }
        if (matched) {
            Uni<Integer> reset = user.failedAttempts == 0 ? Uni.createFrom().item(0)
                    : Panache.withTransaction(() -> users.resetFailedAttempts(user.id));
            return reset.map(ignored -> VerifyCredentialsResponse.valid(user.id, user.organizationId));
        }
        return recordFailure(user).map(ignored -> VerifyCredentialsResponse.INVALID);
    }

    /** Counts the failure under a row lock (parallel guesses all count); announces the lock after it committed. */
    private Uni<UserStatusChanged> recordFailure(User user) {
        return Panache.withTransaction(() -> users.findById(user.id, LockModeType.PESSIMISTIC_WRITE).map(current -> {
            if (current == null || current.status != UserStatus.ACTIVE || !current.recordFailure(maxFailedAttempts)) {
                return null;
            }
            return new UserStatusChanged(current.id.toString(), current.organizationId.toString(),
                    UserStatus.ACTIVE.value(), UserStatus.LOCKED.value());
        })).invoke(locked -> {
            if (locked != null) {
                LOG.infof("User %s locked after %d consecutive failed verifications", locked.userId(), maxFailedAttempts);
                events.userStatusChanged(locked);
            }
        });
    }
}

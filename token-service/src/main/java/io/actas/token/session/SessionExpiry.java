package io.actas.token.session;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Ends sessions at their hard expiry: marks them {@code expired}, revokes what is left of their tokens (refresh tokens
 * above all) and writes {@code session.ended} with reason {@code expired}. Tokens never outlive their session anyway;
 * this makes the end visible and announced.
 */
@ApplicationScoped
public class SessionExpiry {

    private static final Logger LOG = Logger.getLogger(SessionExpiry.class);
    private static final int BATCH = 100;

    private final ImpersonationSessionService sessions;

    public SessionExpiry(ImpersonationSessionService sessions) {
        this.sessions = sessions;
    }

    @Scheduled(every = "${actas.impersonation.session-expiry-interval:30s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> expire() {
        return sessions.expireDue(BATCH)
                .invoke(count -> {
                    if (count > 0) {
                        LOG.infof("%d impersonation session(s) expired", count);
                    }
                })
                .replaceWithVoid()
                .onFailure().invoke(failure -> LOG.warnf("Session expiry run failed, will retry: %s", failure.getMessage()))
                .onFailure().recoverWithNull();
    }
}

package io.actas.token.key;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/** Loads the key ring before the first request, and reloads it on every replica (another one may have rotated). */
@ApplicationScoped
public class KeyRingRefresh {

    private static final Logger LOG = Logger.getLogger(KeyRingRefresh.class);

    private final KeyService keys;

    public KeyRingRefresh(KeyService keys) {
        this.keys = keys;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        // start-up only: the service must not answer before it can sign (the documented Quarkus way to run
        // Hibernate Reactive work at start)
        VertxContextSupport.subscribeAndAwait(keys::load);
    }

    @Scheduled(every = "${actas.keys.refresh-interval}", delayed = "${actas.keys.refresh-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return keys.load().replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("Could not reload the signing keys: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }
}

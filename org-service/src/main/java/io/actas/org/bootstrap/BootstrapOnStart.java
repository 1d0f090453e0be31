package io.actas.org.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.actas.org.credential.PasswordHasher;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;

/** Runs the bootstrap once the migrations ran and before the service takes requests. */
@ApplicationScoped
public class BootstrapOnStart {

    private final BootstrapService bootstrap;
    private final BootstrapConfig config;
    private final PasswordHasher hasher;

    public BootstrapOnStart(BootstrapService bootstrap, BootstrapConfig config, PasswordHasher hasher) {
        this.bootstrap = bootstrap;
        this.config = config;
        this.hasher = hasher;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        String hash = config.admin().password().map(hasher::hashNow).orElse(null);
        // startup, not a request: the service must not answer before its root organization exists
        VertxContextSupport.subscribeAndAwait(() -> bootstrap.run(hash));
    }
}

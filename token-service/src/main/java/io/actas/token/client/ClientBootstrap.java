package io.actas.token.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.actas.token.config.TokenConfig;
import io.actas.token.oauth.GrantTypes;
import io.actas.token.oauth.Scopes;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Creates the clients the suite needs from configuration (CONTRIBUTING.md): {@code actas-admin} with every admin scope of
 * DESIGN §6, and the service clients of policy-, notification- and audit-service. Configuration is the source of truth:
 * a changed secret or scope list is applied at the next start; a client whose secret is unset is left alone.
 */
@ApplicationScoped
public class ClientBootstrap {

    private static final Logger LOG = Logger.getLogger(ClientBootstrap.class);

    private final ClientRepository clients;
    private final SecretHasher secrets;
    private final TokenConfig config;

    public ClientBootstrap(ClientRepository clients, SecretHasher secrets, TokenConfig config) {
        this.clients = clients;
        this.secrets = secrets;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        // start-up only: the documented Quarkus way to run Hibernate Reactive work before serving
        VertxContextSupport.subscribeAndAwait(() -> Multi.createFrom().iterable(specs())
                .onItem().transformToUniAndConcatenate(this::ensure)
                .collect().last());
    }

    List<Spec> specs() {
        TokenConfig.Bootstrap bootstrap = config.bootstrap();
        List<Spec> specs = new ArrayList<>();
        add(specs, bootstrap.adminClient().id(), "ActAs administration", bootstrap.adminClient().secret(), Scopes.ADMIN);
        add(specs, "policy-service", "policy-service", bootstrap.policyServiceSecret(), List.of("orgs:read"));
        add(specs, "notification-service", "notification-service", bootstrap.notificationServiceSecret(),
                List.of("orgs:read"));
        add(specs, "audit-service", "audit-service", bootstrap.auditServiceSecret(), List.of());
        return specs;
    }

    private static void add(List<Spec> specs, String id, String name, Optional<String> secret, List<String> scopes) {
        secret.filter(value -> !value.isBlank())
                .ifPresentOrElse(value -> specs.add(new Spec(id, name, value, scopes)),
                        () -> LOG.infof("Bootstrap client %s not configured (no secret set)", id));
    }

    private Uni<Client> ensure(Spec spec) {
        return lookup(spec.id())
                .flatMap(existing -> secrets.matches(spec.secret(), existing == null ? null : existing.secretHash))
                .flatMap(matches -> matches ? Uni.createFrom().<String> nullItem() : secrets.hash(spec.secret()))
                .flatMap(hash -> save(spec, hash));
    }

    @WithSession
    Uni<Client> lookup(String clientId) {
        return clients.findById(clientId);
    }

    /** Creates or updates the client; {@code hash} null keeps the stored secret. */
    @WithTransaction
    Uni<Client> save(Spec spec, String hash) {
        return clients.findById(spec.id()).flatMap(existing -> {
            Instant now = Instant.now();
            Client client = existing != null ? existing : new Client();
            if (existing == null) {
                client.clientId = spec.id();
                client.createdAt = now;
                client.clientType = ClientType.CONFIDENTIAL.value();
                client.accessTokenLifetime = (int) config.tokens().accessTokenLifetime().toSeconds();
                client.refreshTokenLifetime = (int) config.tokens().refreshTokenLifetime().toSeconds();
                client.impersonationTokenLifetime = (int) config.tokens().impersonationTokenLifetime().toSeconds();
                LOG.infof("Bootstrap client %s created", spec.id());
            }
            if (hash != null) {
                client.secretHash = hash;
                client.secretRotatedAt = now;
            }
            client.name = existing != null ? client.name : spec.name();
            client.grantTypes = new String[] { GrantTypes.CLIENT_CREDENTIALS };
            client.scopes = spec.scopes().toArray(String[]::new);
            client.updatedAt = now;
            return existing != null ? Uni.createFrom().item(client) : clients.persist(client);
        });
    }

    record Spec(String id, String name, String secret, List<String> scopes) {
    }
}

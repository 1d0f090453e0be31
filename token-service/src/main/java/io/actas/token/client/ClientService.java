package io.actas.token.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.actas.support.ProblemException;
import io.actas.token.authorize.AuthorizationCodeRepository;
import io.actas.token.config.TokenConfig;
import io.actas.token.issue.IssuedTokenRepository;
import io.actas.token.oauth.GrantTypes;
import io.actas.token.oauth.Scopes;
import io.actas.token.refresh.RefreshTokenRepository;
import io.actas.token.upstream.OrgClient;
import io.actas.token.upstream.UpstreamUnavailableException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** The client registry: registration rules, secrets shown once, and revocation of a deleted client's tokens. */
@ApplicationScoped
public class ClientService {

    /** Grants a public client may use: it cannot authenticate, so nothing that needs a client secret. */
    private static final Set<String> PUBLIC_CLIENT_GRANTS = Set.of(GrantTypes.AUTHORIZATION_CODE,
            GrantTypes.REFRESH_TOKEN);
    /** Schemes a redirect URI may never use (they run code in the browser). */
    private static final Set<String> FORBIDDEN_SCHEMES = Set.of("javascript", "data", "vbscript", "file");

    private final ClientRepository clients;
    private final IssuedTokenRepository issuedTokens;
    private final RefreshTokenRepository refreshTokens;
    private final AuthorizationCodeRepository codes;
    private final SecretHasher secrets;
    private final OrgClient org;
    private final TokenConfig.Tokens defaults;

    public ClientService(ClientRepository clients, IssuedTokenRepository issuedTokens,
            RefreshTokenRepository refreshTokens, AuthorizationCodeRepository codes, SecretHasher secrets, OrgClient org,
            TokenConfig config) {
        this.clients = clients;
        this.issuedTokens = issuedTokens;
        this.refreshTokens = refreshTokens;
        this.codes = codes;
        this.secrets = secrets;
        this.org = org;
        this.defaults = config.tokens();
    }

    /** Registers a client; a confidential client's secret is in the answer, once. */
    public Uni<ClientView> create(ClientRequest request) {
        validate(request);
        String secret = request.type() == ClientType.CONFIDENTIAL ? secrets.newSecret() : null;
        Uni<String> hash = secret == null ? Uni.createFrom().nullItem() : secrets.hash(secret);
        return organizationsExist(request.sharing()).chain(() -> hash).flatMap(secretHash -> insert(request, secretHash))
                .map(client -> ClientView.of(client, secret));
    }

    @WithTransaction
    Uni<Client> insert(ClientRequest request, String secretHash) {
        String clientId = request.clientId() == null ? UUID.randomUUID().toString() : request.clientId();
        return clients.findById(clientId).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(ProblemException.conflict("Client " + clientId + " already exists"));
            }
            Client client = new Client();
            client.clientId = clientId;
            client.clientType = request.type().value();
            client.secretHash = secretHash;
            client.createdAt = Instant.now();
            client.secretRotatedAt = secretHash == null ? null : client.createdAt;
            apply(client, request);
            return clients.persist(client);
        });
    }

    /** Replaces a client's registration; the secret and type stay. */
    public Uni<ClientView> update(String clientId, ClientRequest request) {
        validate(request);
        if (request.clientId() != null && !request.clientId().equals(clientId)) {
            throw ProblemException.badRequest("clientId in the body differs from the path");
        }
        return organizationsExist(request.sharing()).chain(() -> replace(clientId, request));
    }

    /** The organizations a client is shared with. */
    @WithSession
    public Uni<ClientRequest.Sharing> sharing(String clientId) {
        return existing(clientId).map(client -> ClientView.sharing(client));
    }

    /**
     * Shares a client with every current and future organization, or with a selected list (WSO2's application
     * sharing); replaces the previous sharing. Every listed organization must exist.
     */
    public Uni<ClientRequest.Sharing> share(String clientId, ClientRequest.Sharing sharing) {
        validate(sharing);
        return organizationsExist(sharing).chain(() -> storeSharing(clientId, sharing));
    }

    @WithTransaction
    Uni<ClientRequest.Sharing> storeSharing(String clientId, ClientRequest.Sharing sharing) {
        return existing(clientId).map(client -> {
            applySharing(client, sharing);
            client.updatedAt = Instant.now();
            return ClientView.sharing(client);
        });
    }

    /** 400 for an organization org-service does not know (a typo would share with nobody); 503 when it does not answer. */
    private Uni<Void> organizationsExist(ClientRequest.Sharing sharing) {
        if (sharing == null || sharing.organizationIds() == null || sharing.organizationIds().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // one after the other: concurrent calls may renew the service token concurrently in one database session
        return Multi.createFrom().iterable(new LinkedHashSet<>(sharing.organizationIds()))
                .onItem().transformToUniAndConcatenate(id -> org.organization(id).invoke(found -> {
                    if (found.isEmpty()) {
                        throw ProblemException.badRequest("Organization " + id + " does not exist");
                    }
                }))
                .collect().last()
                .onFailure(UpstreamUnavailableException.class).transform(failure -> new ProblemException(503,
                        "about:blank", "Service Unavailable", "org-service is unavailable; try again later"))
                .replaceWithVoid();
    }

    @WithTransaction
    Uni<ClientView> replace(String clientId, ClientRequest request) {
        return existing(clientId).map(client -> {
            if (client.type() != request.type()) {
                throw ProblemException.badRequest("A client's type cannot change; register a new client");
            }
            apply(client, request);
            return ClientView.of(client, null);
        });
    }

    @WithSession
    public Uni<ClientView> find(String clientId) {
        return existing(clientId).map(client -> ClientView.of(client, null));
    }

    @WithSession
    public Uni<ClientView.Page> page(String cursor, int limit) {
        return clients.page(cursor, limit + 1).map(found -> {
            List<ClientView> items = found.stream().limit(limit).map(client -> ClientView.of(client, null)).toList();
            String next = found.size() > limit ? items.get(items.size() - 1).clientId() : null;
            return new ClientView.Page(items, next);
        });
    }

    /** Removes a client and revokes everything issued to it. */
    @WithTransaction
    public Uni<Void> delete(String clientId) {
        Instant now = Instant.now();
        return existing(clientId)
                .call(client -> issuedTokens.revokeClient(clientId, now))
                .call(client -> refreshTokens.revokeClient(clientId, now))
                .call(client -> codes.deleteClient(clientId))
                .call(clients::delete)
                .replaceWithVoid();
    }

    /** A new secret for a confidential client; the old one stops working at once. */
    public Uni<ClientView> rotateSecret(String clientId) {
        String secret = secrets.newSecret();
        return secrets.hash(secret).flatMap(hash -> storeSecret(clientId, hash)).map(client -> ClientView.of(client, secret));
    }

    @WithTransaction
    Uni<Client> storeSecret(String clientId, String hash) {
        return existing(clientId).map(client -> {
            if (client.isPublic()) {
                throw ProblemException.conflict("Public clients have no secret");
            }
            client.secretHash = hash;
            client.secretRotatedAt = Instant.now();
            client.updatedAt = client.secretRotatedAt;
            return client;
        });
    }

    /** The client entity, or {@code null}: for the OAuth endpoints. */
    @WithSession
    public Uni<Client> lookup(String clientId) {
        return clients.findById(clientId);
    }

    private Uni<Client> existing(String clientId) {
        return clients.findById(clientId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Client", clientId));
    }

    private void apply(Client client, ClientRequest request) {
        client.name = request.name();
        client.redirectUris = distinct(request.redirectUris());
        client.grantTypes = distinct(request.grantTypes());
        client.scopes = distinct(request.scopes());
        client.accessTokenLifetime = seconds(request.accessTokenLifetimeSeconds(), defaults.accessTokenLifetime());
        client.refreshTokenLifetime = seconds(request.refreshTokenLifetimeSeconds(), defaults.refreshTokenLifetime());
        client.impersonationTokenLifetime = seconds(request.impersonationTokenLifetimeSeconds(),
                defaults.impersonationTokenLifetime());
        client.impersonationEnabled = Boolean.TRUE.equals(request.impersonationEnabled());
        client.impersonationPrompt = Boolean.TRUE.equals(request.impersonationPrompt());
        applySharing(client, request.sharing());
        client.organizationId = request.organizationId();
        client.updatedAt = Instant.now();
    }

    private static void applySharing(Client client, ClientRequest.Sharing sharing) {
        client.sharedWithAll = sharing != null && sharing.allOrganizations();
        client.sharedOrganizationIds = sharing == null ? new String[0] : distinct(sharing.organizationIds());
    }

    /** Sharing is "all" or a list, not both. */
    private static void validate(ClientRequest.Sharing sharing) {
        if (sharing != null && sharing.allOrganizations() && sharing.organizationIds() != null
                && !sharing.organizationIds().isEmpty()) {
            throw ProblemException.badRequest("Share with all organizations or with a list, not both");
        }
    }

    private static void validate(ClientRequest request) {
        for (String grant : request.grantTypes()) {
            if (!GrantTypes.ALL.contains(grant)) {
                throw ProblemException.badRequest("Unknown grant type '" + grant + "'; known: " + GrantTypes.ALL);
            }
            if (request.type() == ClientType.PUBLIC && !PUBLIC_CLIENT_GRANTS.contains(grant)) {
                throw ProblemException.badRequest("A public client cannot use '" + grant + "': it has no secret");
            }
        }
        List<String> redirectUris = request.redirectUris() == null ? List.of() : request.redirectUris();
        if (request.grantTypes().contains(GrantTypes.AUTHORIZATION_CODE) && redirectUris.isEmpty()) {
            throw ProblemException.badRequest("authorization_code needs at least one redirect URI");
        }
        redirectUris.forEach(ClientService::validateRedirectUri);
        if (request.scopes() != null) {
            request.scopes().stream().filter(scope -> !Scopes.valid(scope)).findFirst().ifPresent(scope -> {
                throw ProblemException.badRequest("Scope '" + scope + "' is not a valid scope token (RFC 6749 §3.3)");
            });
        }
        if (Boolean.TRUE.equals(request.impersonationPrompt()) && !Boolean.TRUE.equals(request.impersonationEnabled())) {
            throw ProblemException.badRequest("impersonationPrompt needs impersonationEnabled");
        }
        validate(request.sharing());
    }

    /** RFC 6749 §3.1.2: an absolute URI without a fragment; never a scheme that runs code. */
    private static void validateRedirectUri(String value) {
        try {
            URI uri = new URI(value);
            if (!uri.isAbsolute() || uri.getFragment() != null
                    || FORBIDDEN_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
                throw ProblemException.badRequest("Redirect URI '" + value + "' must be absolute, without a fragment");
            }
        } catch (URISyntaxException e) {
            throw ProblemException.badRequest("Redirect URI '" + value + "' is not a URI");
        }
    }

    private static int seconds(Integer requested, Duration fallback) {
        return requested != null ? requested : (int) fallback.toSeconds();
    }

    private static String[] distinct(List<String> values) {
        return values == null ? new String[0] : new LinkedHashSet<>(values).toArray(String[]::new);
    }
}

package io.actas.token.client;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.actas.token.oauth.OAuthException;
import io.actas.token.oauth.OAuthParameters;
import io.smallrye.mutiny.Uni;

/**
 * Client authentication at the token, introspection and revocation endpoints (RFC 6749 §2.3): {@code client_secret_basic}
 * (the {@code Authorization: Basic} header, RFC 6749 §2.3.1), {@code client_secret_post} ({@code client_id} and
 * {@code client_secret} in the body), and {@code none} for public clients, which send only {@code client_id}. A client
 * uses exactly one method.
 */
@ApplicationScoped
public class ClientAuthenticator {

    public static final String CLIENT_ID = "client_id";
    public static final String CLIENT_SECRET = "client_secret";

    private final ClientService clients;
    private final SecretHasher secrets;

    public ClientAuthenticator(ClientService clients, SecretHasher secrets) {
        this.clients = clients;
        this.secrets = secrets;
    }

    /** The authenticated client, or {@code invalid_client} / {@code invalid_request}. */
    public Uni<Client> authenticate(String authorization, OAuthParameters parameters) {
        Optional<Credentials> basic = basic(authorization);
        Optional<String> formId = parameters.optional(CLIENT_ID);
        Optional<String> formSecret = parameters.optional(CLIENT_SECRET);
        if (basic.isPresent()) {
            // RFC 6749 §2.3: the client MUST NOT use more than one authentication method in each request
            if (formSecret.isPresent()) {
                throw OAuthException.invalidRequest("Use one client authentication method, not several.");
            }
            if (formId.isPresent() && !formId.get().equals(basic.get().clientId())) {
                throw OAuthException.invalidRequest("client_id differs from the authenticated client.");
            }
            return confidential(basic.get(), true);
        }
        if (formSecret.isPresent()) {
            String clientId = formId.orElseThrow(() -> OAuthException.invalidClient(false));
            return confidential(new Credentials(clientId, formSecret.get()), false);
        }
        if (formId.isPresent()) {
            return publicClient(formId.get());
        }
        throw OAuthException.invalidClient(authorization != null);
    }

    /** {@code client_secret_basic} or {@code client_secret_post}: a confidential client and its secret. */
    private Uni<Client> confidential(Credentials credentials, boolean viaHeader) {
        return clients.lookup(credentials.clientId()).flatMap(client -> {
            String hash = client == null || client.isPublic() ? null : client.secretHash;
            return secrets.matches(credentials.secret(), hash).map(matches -> {
                if (!matches) {
                    throw OAuthException.invalidClient(viaHeader);
                }
                return client;
            });
        });
    }

    /** {@code none}: only public clients may identify themselves without a secret. */
    private Uni<Client> publicClient(String clientId) {
        return clients.lookup(clientId).map(client -> {
            if (client == null || !client.isPublic()) {
                throw OAuthException.invalidClient(false);
            }
            return client;
        });
    }

    /** RFC 6749 §2.3.1: Basic credentials are the form-urlencoded client id and secret. */
    private static Optional<Credentials> basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                throw OAuthException.invalidClient(true);
            }
            return Optional.of(new Credentials(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            throw OAuthException.invalidClient(true);
        }
    }

    private record Credentials(String clientId, String secret) {
    }
}

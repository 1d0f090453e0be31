package io.actas.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;

/**
 * Where the running suite is and how to get an administrator's token, for tests that run against the packaged services
 * started by {@code deploy/local/stack}.
 */
final class Suite {

    static final String ISSUER = env("ACTAS_ISSUER").orElse("http://localhost:8080");
    static final String TOKEN = "http://127.0.0.1:8080";
    static final String POLICY = "http://127.0.0.1:8081";
    static final String ORG = "http://127.0.0.1:8082";
    static final String AUDIT = "http://127.0.0.1:8083";
    static final String NOTIFICATION = "http://127.0.0.1:8084";
    static final String MAILBOX = "http://127.0.0.1:8085";
    static final String KAFKA = "127.0.0.1:9092";

    static final Map<String, String> SERVICES = Map.of("token-service", TOKEN, "policy-service", POLICY, "org-service",
            ORG, "audit-service", AUDIT, "notification-service", NOTIFICATION);

    static final String ADMIN_SCOPES = "orgs:read orgs:write policies:read policies:write audit:read audit:write "
            + "notifications:read notifications:write clients:read clients:write sessions:read sessions:write";

    private static OIDCProviderMetadata metadata;

    private Suite() {
    }

    static synchronized OIDCProviderMetadata metadata() {
        if (metadata == null) {
            try {
                metadata = OIDCProviderMetadata.resolve(new Issuer(ISSUER));
            } catch (IOException | com.nimbusds.oauth2.sdk.GeneralException e) {
                throw new IllegalStateException("discovery of " + ISSUER + " failed", e);
            }
        }
        return metadata;
    }

    /** A client_credentials token of the bootstrap admin client, obtained through discovery with Nimbus. */
    static String adminToken() {
        return clientCredentials(new ClientID("actas-admin"), new Secret(localSecret("ACTAS_BOOTSTRAP_ADMIN_CLIENT_SECRET")),
                ADMIN_SCOPES);
    }

    static String clientCredentials(ClientID client, Secret secret, String scope) {
        try {
            TokenRequest request = new TokenRequest(metadata().getTokenEndpointURI(), new ClientSecretBasic(client, secret),
                    new ClientCredentialsGrant(), Scope.parse(scope));
            TokenResponse response = TokenResponse.parse(request.toHTTPRequest().send());
            if (!response.indicatesSuccess()) {
                throw new IllegalStateException("client_credentials refused: "
                        + response.toErrorResponse().getErrorObject().toJSONObject());
            }
            return response.toSuccessResponse().getTokens().getAccessToken().getValue();
        } catch (IOException | ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A value of the local stack's generated secrets: the environment first, then deploy/local/.state/secrets.env. */
    static String localSecret(String name) {
        return env(name).orElseGet(() -> secretsFile().get(name));
    }

    private static Map<String, String> secretsFile() {
        Path file = Path.of("..", "deploy", "local", ".state", "secrets.env");
        try {
            return Files.readAllLines(file).stream().filter(line -> line.contains("="))
                    .collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')),
                            line -> line.substring(line.indexOf('=') + 1)));
        } catch (IOException e) {
            throw new UncheckedIOException("no local secrets: run deploy/local/stack up first", e);
        }
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }
}

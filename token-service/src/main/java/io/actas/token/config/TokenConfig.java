package io.actas.token.config;

import java.time.Duration;
import java.util.Optional;

import io.actas.token.key.KeyAlgorithm;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** token-service's own configuration keys ({@code actas.*}). */
@ConfigMapping(prefix = "actas")
public interface TokenConfig {

    /** The issuer identifier ({@code iss}); every other service verifies it. */
    @WithDefault("http://localhost:8080")
    String issuer();

    Keys keys();

    Tokens tokens();

    Clients clients();

    Bootstrap bootstrap();

    Upstream upstream();

    interface Keys {

        /** Base64 of 32 bytes: the AES-256 key-encryption key that protects private signing keys at rest. */
        String encryptionKey();

        /** Algorithm of newly created signing keys: RS256, ES256 or EdDSA (Ed25519). */
        @WithDefault("RS256")
        KeyAlgorithm algorithm();

        /** How often every replica reloads the key ring from the database (picks up another replica's rotation). */
        @WithDefault("60s")
        Duration refreshInterval();

        /** A PEM public key whose tokens the admin APIs also accept (tests: service-support's TestTokens). */
        Optional<String> additionalVerificationKeyLocation();

        /** The issuer of the tokens signed with the additional key (TestTokens: http://localhost:8080). */
        Optional<String> additionalVerificationIssuer();
    }

    interface Tokens {

        /** {@code aud} of access tokens: the ActAs resource servers. */
        @WithDefault("actas")
        String audience();

        /** Access and ID token lifetime of clients that do not set their own. */
        @WithDefault("5m")
        Duration accessTokenLifetime();

        /** Refresh token lifetime (idle: each rotation starts it again) of clients that do not set their own. */
        @WithDefault("8h")
        Duration refreshTokenLifetime();

        /** Impersonated access token lifetime of clients that do not set their own. */
        @WithDefault("5m")
        Duration impersonationTokenLifetime();

        /** How long an authorization code can be redeemed. */
        @WithDefault("60s")
        Duration authorizationCodeLifetime();

        /** Lifetime of the token token-service signs for its own calls to org-service and policy-service. */
        @WithDefault("5m")
        Duration serviceTokenLifetime();
    }

    interface Clients {

        /** bcrypt cost factor of client secret hashes. */
        @WithDefault("10")
        int bcryptCost();
    }

    interface Bootstrap {

        AdminClient adminClient();

        /** Secret of the {@code policy-service} client; the client is not created while unset. */
        Optional<String> policyServiceSecret();

        /** Secret of the {@code notification-service} client; the client is not created while unset. */
        Optional<String> notificationServiceSecret();

        /** Secret of the {@code audit-service} client; the client is not created while unset. */
        Optional<String> auditServiceSecret();

        interface AdminClient {

            /** Client id of the administration client holding every admin scope. */
            @WithDefault("actas-admin")
            String id();

            /** Its secret; the client is not created while unset. */
            Optional<String> secret();
        }
    }

    interface Upstream {

        /** Time limit of one call to org-service or policy-service; a call is retried once, then fails closed. */
        @WithDefault("2s")
        Duration timeout();
    }
}

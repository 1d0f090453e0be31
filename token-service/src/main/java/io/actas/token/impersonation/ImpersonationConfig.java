package io.actas.token.impersonation;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Impersonation settings ({@code actas.impersonation.*}); the impersonated token lifetime is per client. */
@ConfigMapping(prefix = "actas.impersonation")
public interface ImpersonationConfig {

    /** Session length when the policy names none ({@code maxSessionSeconds} absent). */
    @WithDefault("1h")
    Duration defaultMaxSession();

    /** Lifetime of a WSO2-style subject token from {@code response_type=subject_token} (WSO2: 180 s). */
    @WithDefault("180s")
    Duration subjectTokenLifetime();

    /** How long the "act as (optional)" step of the login page may take. */
    @WithDefault("5m")
    Duration promptLifetime();

    /** How often sessions past their hard expiry are marked expired and announced. */
    @WithDefault("30s")
    Duration sessionExpiryInterval();

    Outbox outbox();

    interface Outbox {

        /** How often the relay publishes outbox rows to Kafka. */
        @WithDefault("1s")
        Duration relayInterval();

        /** Rows claimed per relay run. */
        @WithDefault("100")
        int batchSize();

        /** How long a claim protects rows from another replica's relay. */
        @WithDefault("120s")
        Duration claim();

        /** How long Kafka may take to acknowledge one event before the relay gives up for this run. */
        @WithDefault("30s")
        Duration deliveryTimeout();
    }
}

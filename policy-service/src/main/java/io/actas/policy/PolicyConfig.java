package io.actas.policy;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** policy-service's own settings, {@code actas.policy.*}. */
@ConfigMapping(prefix = "actas.policy")
public interface PolicyConfig {

    /** How long one call to org-service may take before it counts as failed. */
    @WithDefault("2s")
    Duration orgServiceTimeout();

    /** How often a failed call to org-service is retried before the decision fails closed with 503. */
    @WithDefault("2")
    int orgServiceRetries();

    /** Session length (seconds) an allow rule grants when it sets no {@code maxSessionSeconds} of its own. */
    @WithDefault("900")
    int defaultMaxSessionSeconds();
}

package io.actas.org.credential;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "actas.credentials")
public interface CredentialsConfig {

    /** Consecutive failed verifications after which a user is locked (status {@code locked}). */
    @WithDefault("5")
    int maxFailedAttempts();

    /** bcrypt cost factor (log2 of the rounds) of new password hashes. */
    @WithDefault("10")
    int bcryptCost();
}

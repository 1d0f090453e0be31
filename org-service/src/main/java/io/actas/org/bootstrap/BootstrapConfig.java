package io.actas.org.bootstrap;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "actas.bootstrap")
public interface BootstrapConfig {

    RootOrganization rootOrganization();

    Admin admin();

    interface RootOrganization {

        /** Handle of the root organization created on an empty database. */
        @WithDefault("root")
        String handle();

        /** Display name of the root organization. */
        @WithDefault("Root organization")
        String name();
    }

    interface Admin {

        /** Username of the first administrator, resident in the root organization. */
        @WithDefault("admin")
        String username();

        /** E-mail of the first administrator. */
        @WithDefault("admin@localhost")
        String email();

        /**
         * Password of the first administrator ({@code ACTAS_BOOTSTRAP_ADMIN_PASSWORD}); no default in prod. Without it the
         * administrator is not created and a warning is logged.
         */
        Optional<String> password();
    }
}

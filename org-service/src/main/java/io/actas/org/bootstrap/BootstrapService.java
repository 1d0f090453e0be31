package io.actas.org.bootstrap;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.actas.org.common.Ids;
import io.actas.org.membership.Membership;
import io.actas.org.membership.MembershipRepository;
import io.actas.org.membership.MembershipType;
import io.actas.org.organization.Organization;
import io.actas.org.organization.OrganizationRepository;
import io.actas.org.user.User;
import io.actas.org.user.UserRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Makes an empty database usable: the root organization, then the first administrator resident in it. Every insert is
 * {@code on conflict do nothing} against a unique constraint, so restarts and replicas starting together create each
 * exactly once.
 */
@ApplicationScoped
public class BootstrapService {

    private static final Logger LOG = Logger.getLogger(BootstrapService.class);

    private final OrganizationRepository organizations;
    private final UserRepository users;
    private final MembershipRepository memberships;
    private final BootstrapConfig config;

    public BootstrapService(OrganizationRepository organizations, UserRepository users, MembershipRepository memberships,
            BootstrapConfig config) {
        this.organizations = organizations;
        this.users = users;
        this.memberships = memberships;
        this.config = config;
    }

    /**
     * @param adminPasswordHash the bcrypt hash of the configured administrator password, {@code null} when none is set
     */
    public Uni<Outcome> run(String adminPasswordHash) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> organizations
                .insertRootIfAbsent(Ids.next(), config.rootOrganization().handle(), config.rootOrganization().name(), now)
                .chain(rootCreated -> organizations.findRoot()
                        .chain(root -> admin(root, adminPasswordHash, now)
                                .map(adminCreated -> new Outcome(root.id, rootCreated, adminCreated)))))
                .invoke(this::log);
    }

    private Uni<Boolean> admin(Organization root, String passwordHash, Instant now) {
        if (passwordHash == null) {
            return Uni.createFrom().item(false);
        }
        User admin = new User();
        admin.id = Ids.next();
        admin.username = User.normalize(config.admin().username());
        admin.email = config.admin().email();
        admin.displayName = "Administrator";
        admin.organizationId = root.id;
        admin.passwordHash = passwordHash;
        admin.createdAt = now;
        return users.insertFirstUser(admin).call(inserted -> inserted
                ? memberships.insertIfAbsent(Membership.of(admin.id, root.id, MembershipType.RESIDENT))
                : Uni.createFrom().voidItem());
    }

    private void log(Outcome outcome) {
        if (outcome.rootCreated()) {
            LOG.infof("Bootstrap: created root organization '%s' (%s)", config.rootOrganization().handle(),
                    outcome.rootId());
        }
        if (outcome.adminCreated()) {
            LOG.infof("Bootstrap: created administrator '%s' in the root organization", config.admin().username());
        } else if (config.admin().password().isEmpty()) {
            LOG.warn("Bootstrap: no administrator created: set ACTAS_BOOTSTRAP_ADMIN_PASSWORD to create the first "
                    + "administrator on a database without users");
        }
    }

    /** What a bootstrap run did. */
    public record Outcome(UUID rootId, boolean rootCreated, boolean adminCreated) {
    }
}

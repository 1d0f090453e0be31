package io.actas.policy.decision;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.actas.policy.PolicyConfig;
import io.actas.policy.directory.DirectoryClient;
import io.actas.policy.directory.DirectoryUser;
import io.actas.policy.permission.EffectivePermissionsService;
import io.actas.policy.rule.RuleCatalog;
import io.smallrye.mutiny.Uni;

/**
 * Gathers what a decision needs — actor and subject from org-service (failing closed), their roles, the current rule
 * index — and lets the {@link DecisionEngine} decide.
 */
@ApplicationScoped
public class DecisionService {

    private static final Logger LOG = Logger.getLogger(DecisionService.class);

    private final DirectoryClient directory;
    private final EffectivePermissionsService permissions;
    private final RuleCatalog catalog;
    private final DecisionEngine engine;
    private final Clock clock;

    public DecisionService(DirectoryClient directory, EffectivePermissionsService permissions, RuleCatalog catalog,
            PolicyConfig config) {
        this.directory = directory;
        this.permissions = permissions;
        this.catalog = catalog;
        this.engine = new DecisionEngine(config.defaultMaxSessionSeconds());
        this.clock = Clock.systemUTC();
    }

    public Uni<DecisionResponse> decide(DecisionRequest request, boolean explain) {
        Uni<Optional<DirectoryUser>> actor = directory.user(request.actorId());
        Uni<Optional<DirectoryUser>> subject = directory.user(request.subjectId());
        return Uni.combine().all().unis(actor, subject).asTuple()
                .chain(users -> permissions.holdings(new LinkedHashSet<>(List.of(request.actorId(), request.subjectId())))
                        .chain(holdings -> catalog.current().map(rules -> {
                            DirectoryUser actorUser = users.getItem1().orElse(null);
                            DirectoryUser subjectUser = users.getItem2().orElse(null);
                            String organizationId = request.organizationId() != null ? request.organizationId()
                                    : actorUser == null ? null : actorUser.organizationId();
                            DecisionInput input = new DecisionInput(request, organizationId, actorUser, subjectUser,
                                    holdings.get(request.actorId()), holdings.get(request.subjectId()), clock.instant());
                            return engine.decide(input, rules, explain);
                        })))
                .invoke(decision -> LOG.debugf("Impersonation of %s by %s through %s: %s (%s, rule %s)",
                        request.subjectId(), request.actorId(), request.clientId(), decision.decision(),
                        decision.reasonCode(), decision.ruleId()));
    }
}

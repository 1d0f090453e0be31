package io.actas.policy.rule;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * The current {@link RuleIndex}. Each decision reads the one-row policy revision; when another instance (or this one)
 * changed the rules since the index was built, the index is rebuilt from the database first. So every instance decides
 * on the rules as committed, with one primary-key read of overhead.
 */
@ApplicationScoped
public class RuleCatalog {

    private final PolicyService policies;
    private final AtomicReference<RuleIndex> current = new AtomicReference<>(RuleIndex.EMPTY);

    public RuleCatalog(PolicyService policies) {
        this.policies = policies;
    }

    public Uni<RuleIndex> current() {
        return policies.revision().chain(revision -> {
            RuleIndex index = current.get();
            if (index.revision() == revision) {
                return Uni.createFrom().item(index);
            }
            return policies.loadIndex().invoke(current::set);
        });
    }
}

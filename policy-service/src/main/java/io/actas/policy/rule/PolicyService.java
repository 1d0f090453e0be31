package io.actas.policy.rule;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.actas.policy.Page;
import io.actas.policy.role.RoleRepository;
import io.actas.support.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Impersonation rules: stored as written (normalized), each change moving the policy revision in its transaction. */
@ApplicationScoped
public class PolicyService {

    private static final String POLICY = "Impersonation policy";

    private final ImpersonationPolicyRepository policies;
    private final PolicyRevisionRepository revisions;
    private final RoleRepository roles;
    private final ObjectMapper mapper;

    public PolicyService(ImpersonationPolicyRepository policies, PolicyRevisionRepository revisions, RoleRepository roles,
            ObjectMapper mapper) {
        this.policies = policies;
        this.revisions = revisions;
        this.roles = roles;
        this.mapper = mapper;
    }

    public Uni<PolicyResponse> create(PolicyRequest request) {
        PolicyRequest rule = request.normalized();
        return Panache.withTransaction(() -> checkRolesExist(rule).chain(() -> {
            ImpersonationPolicy policy = new ImpersonationPolicy();
            policy.id = UUID.randomUUID().toString();
            policy.createdAt = Instant.now();
            write(policy, rule);
            return policies.persist(policy).call(revisions::bump);
        })).map(this::response);
    }

    public Uni<Page<PolicyResponse>> list(String cursor, Integer limit) {
        int offset = Page.offset(cursor);
        int size = Page.limit(limit);
        return Panache.withSession(() -> policies.page(offset, size + 1))
                .map(rows -> Page.of(rows.stream().map(this::response).toList(), offset, size));
    }

    public Uni<PolicyResponse> get(String id) {
        return Panache.withSession(() -> existing(id)).map(this::response);
    }

    public Uni<PolicyResponse> replace(String id, PolicyRequest request) {
        PolicyRequest rule = request.normalized();
        return Panache.withTransaction(() -> existing(id).call(() -> checkRolesExist(rule))
                .invoke(policy -> write(policy, rule))
                .call(revisions::bump)
                .call(policies::flush))
                .map(this::response);
    }

    public Uni<Void> delete(String id) {
        return Panache.withTransaction(() -> existing(id).call(policies::delete).call(revisions::bump)).replaceWithVoid();
    }

    /** Every stored rule, compiled, with the revision they were read at: what {@link RuleCatalog} indexes. */
    Uni<RuleIndex> loadIndex() {
        return Panache.withSession(() -> revisions.current().chain(revision -> policies.enabled()
                .map(rows -> RuleIndex.build(revision, rows.stream().map(this::compile).toList()))));
    }

    Uni<Long> revision() {
        return Panache.withSession(revisions::current);
    }

    private Rule compile(ImpersonationPolicy policy) {
        return Rule.compile(policy.id, read(policy), policy.createdAt);
    }

    private void write(ImpersonationPolicy policy, PolicyRequest rule) {
        policy.name = rule.name();
        policy.priority = rule.priority();
        policy.effect = rule.effect();
        policy.enabled = rule.enabled();
        policy.updatedAt = Instant.now();
        try {
            policy.definition = mapper.writeValueAsString(rule);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An impersonation rule could not be written as JSON", e);
        }
    }

    private PolicyRequest read(ImpersonationPolicy policy) {
        try {
            return mapper.readValue(policy.definition, PolicyRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored impersonation policy " + policy.id + " is not readable", e);
        }
    }

    private PolicyResponse response(ImpersonationPolicy policy) {
        return PolicyResponse.of(policy.id, read(policy), policy.createdAt, policy.updatedAt);
    }

    /** A rule naming a role that does not exist would silently never match (or, excluded, never exclude). */
    private Uni<Void> checkRolesExist(PolicyRequest rule) {
        List<String> named = rule.roleIds();
        return roles.countExisting(named).chain(found -> found == named.size() ? Uni.createFrom().voidItem()
                : roles.list("id in ?1", named).chain(known -> Uni.createFrom().failure(ProblemException.badRequest(
                        "Unknown role ids: " + named.stream().filter(id -> known.stream().noneMatch(r -> r.id.equals(id)))
                                .toList()))));
    }

    private Uni<ImpersonationPolicy> existing(String id) {
        return policies.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound(POLICY, id));
    }
}

package io.actas.policy.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.actas.policy.decision.DecisionEngine;
import io.actas.policy.decision.DecisionInput;
import io.actas.policy.decision.DecisionRequest;
import io.actas.policy.decision.DecisionResponse;
import io.actas.policy.directory.DirectoryUser;
import io.actas.policy.role.Holdings;
import io.actas.policy.role.Holdings.HeldRole;
import io.actas.policy.rule.Rule;
import io.actas.policy.rule.RuleIndex;
import io.actas.policy.testing.RuleBuilder;

/**
 * Decision latency of the engine (guards + indexed rules) with 10, 1,000 and 10,000 rules, beside a linear scan of the
 * same rules for comparison. Rules are spread the way a large tenant would have them: one or two actor roles out of a
 * pool that grows with the rule count, one of 50 clients, one of many organizations, one in ten a deny rule, one in four
 * with a username pattern. The actor holds three roles. Run: {@code mvn -B -pl policy-service -am -Pbench -DskipTests
 * process-test-classes}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DecisionBenchmark {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final String ORG = "org-0";
    static final String CLIENT = "client-0";

    @Param({ "10", "1000", "10000" })
    int rules;

    DecisionEngine engine;
    RuleIndex index;
    List<Rule> all;
    Rule[] ordered;
    DecisionInput input;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        int rolePool = Math.max(5, rules / 5);
        int organizations = Math.max(2, rules / 20);
        all = new ArrayList<>();
        for (int i = 0; i < rules; i++) {
            RuleBuilder rule = i % 10 == 9 ? RuleBuilder.deny("rule-" + i).subjectUsers("protected-" + i)
                    : RuleBuilder.allow("rule-" + i);
            rule.priority(random.nextInt(1000))
                    .actorRoles("role-" + random.nextInt(rolePool), "role-" + random.nextInt(rolePool))
                    .clients("client-" + random.nextInt(50))
                    .organizations("org-" + random.nextInt(organizations));
            if (i % 4 == 0) {
                rule.usernamePattern("glob:user-" + random.nextInt(10) + "*");
            }
            all.add(rule.compile("id-" + i, NOW.minusSeconds(i)));
        }
        // the rule that decides, somewhere in the middle of the order
        all.add(RuleBuilder.allow("deciding").priority(500).actorRoles("role-1").clients(CLIENT).organizations(ORG)
                .maxSessionSeconds(900).compile("deciding", NOW));
        index = RuleIndex.build(1, all);
        ordered = all.stream().sorted(Comparator.comparingInt(Rule::priority).thenComparing(Rule::createdAt))
                .toArray(Rule[]::new);
        engine = new DecisionEngine(900);

        Set<String> scopes = Set.of("app:read");
        Holdings actor = new Holdings(List.of(new HeldRole("role-1", ORG, CLIENT, Set.of("app:read", "app:write")),
                new HeldRole("role-2", ORG, "actas", Set.of("impersonation")),
                new HeldRole("role-3", ORG, CLIENT, Set.of("app:admin"))));
        Holdings subject = new Holdings(List.of(new HeldRole("role-4", ORG, CLIENT, scopes)));
        input = new DecisionInput(new DecisionRequest("actor", "subject", CLIENT, ORG, List.of(), "ticket", false, false),
                ORG, user("actor", "agent"), user("subject", "user-3-alice"), actor, subject, NOW);
    }

    @Benchmark
    public DecisionResponse indexed() {
        return engine.decide(input, index, false);
    }

    /** The same answer found by testing every rule in order: what the index saves. */
    @Benchmark
    public Rule linearScan() {
        Set<String> actorRoles = input.actorHoldings().roleIds();
        Set<String> subjectRoles = input.subjectHoldings().roleIds();
        Rule allow = null;
        for (Rule rule : ordered) {
            if (rule.matchesActor("actor", actorRoles) && rule.matchesClient(CLIENT) && rule.matchesOrganization(ORG)
                    && rule.activeAt(NOW) && rule.matchesSubject(input.subject(), subjectRoles)) {
                if (rule.deny()) {
                    return rule;
                }
                allow = allow == null ? rule : allow;
            }
        }
        return allow;
    }

    static DirectoryUser user(String id, String username) {
        return new DirectoryUser(id, username, username + "@example.org", username, ORG, "active", NOW);
    }
}

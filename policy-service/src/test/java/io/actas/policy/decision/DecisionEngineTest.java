package io.actas.policy.decision;

import static io.actas.events.ReasonCodes.ACTOR_INACTIVE;
import static io.actas.events.ReasonCodes.ALLOWED;
import static io.actas.events.ReasonCodes.CHAINING_FORBIDDEN;
import static io.actas.events.ReasonCodes.CLIENT_NOT_ALLOWED;
import static io.actas.events.ReasonCodes.DENIED_BY_RULE;
import static io.actas.events.ReasonCodes.MISSING_PERMISSION;
import static io.actas.events.ReasonCodes.NO_MATCHING_RULE;
import static io.actas.events.ReasonCodes.ORGANIZATION_MISMATCH;
import static io.actas.events.ReasonCodes.PRIVILEGE_CEILING;
import static io.actas.events.ReasonCodes.REASON_REQUIRED;
import static io.actas.events.ReasonCodes.SELF_IMPERSONATION;
import static io.actas.events.ReasonCodes.SUBJECT_INACTIVE;
import static io.actas.events.ReasonCodes.SUBJECT_NOT_FOUND;
import static io.actas.policy.testing.RuleBuilder.allow;
import static io.actas.policy.testing.RuleBuilder.deny;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.actas.policy.directory.DirectoryUser;
import io.actas.policy.role.Holdings;
import io.actas.policy.role.Holdings.HeldRole;
import io.actas.policy.rule.Rule;
import io.actas.policy.rule.RuleIndex;
import io.actas.policy.testing.RuleBuilder;

/**
 * Every guard and every rule field, one row each, with the reason code the decision must carry. The base scenario is
 * allowed: a support agent of org A impersonates a customer of org A through the support console.
 */
class DecisionEngineTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final String ORG_A = "org-a";
    static final String ORG_B = "org-b";
    static final String TEAM = "org-a-team";
    static final String CONSOLE = "support-console";

    static final HeldRole IMPERSONATOR = new HeldRole("r-impersonator", ORG_A, "actas",
            Set.of("impersonation", "org_impersonation"));
    static final HeldRole IMPERSONATION_ONLY = new HeldRole("r-imp-only", ORG_A, "actas", Set.of("impersonation"));
    static final HeldRole AGENT = new HeldRole("r-agent", ORG_A, CONSOLE, Set.of("tickets:read", "tickets:write", "profile"));
    static final HeldRole CUSTOMER = new HeldRole("r-customer", ORG_A, CONSOLE, Set.of("tickets:read", "profile"));
    static final HeldRole BILLING = new HeldRole("r-billing", ORG_A, CONSOLE, Set.of("billing:write"));
    static final HeldRole ORG_ADMIN = new HeldRole("r-admin", ORG_A, "actas", Set.of("orgs:write"));
    static final HeldRole TEAM_MEMBER = new HeldRole("r-team", TEAM, CONSOLE, Set.of("tickets:read"));

    /** One decision to make; starts as the allowed base scenario, each row changes one thing. */
    static final class Scenario {
        String actorId = "agent";
        String subjectId = "customer";
        DirectoryUser actor = user("agent", "agent.smith", ORG_A, "active");
        DirectoryUser subject = user("customer", "test-customer", ORG_A, "active");
        List<HeldRole> actorRoles = new ArrayList<>(List.of(IMPERSONATOR, AGENT));
        List<HeldRole> subjectRoles = new ArrayList<>(List.of(CUSTOMER));
        String clientId = CONSOLE;
        String organizationId = ORG_A;
        List<String> requestedScopes = List.of();
        String reason = "TICKET-4711";
        boolean actorTokenHasAct;
        boolean organizationSwitch;
        List<RuleBuilder> rules = new ArrayList<>(List.of(allow("agents").actorRoles(AGENT.roleId()).clients(CONSOLE)
                .organizations(ORG_A)));

        DecisionInput input() {
            DecisionRequest request = new DecisionRequest(actorId, subjectId, clientId, organizationId, requestedScopes,
                    reason, actorTokenHasAct, organizationSwitch);
            return new DecisionInput(request, organizationId, actor, subject, new Holdings(actorRoles),
                    new Holdings(subjectRoles), NOW);
        }

        RuleIndex index() {
            List<Rule> compiled = new ArrayList<>();
            for (int i = 0; i < rules.size(); i++) {
                compiled.add(rules.get(i).compile("rule-" + i, NOW.minus(Duration.ofDays(1)).plusSeconds(i)));
            }
            return RuleIndex.build(1, compiled);
        }
    }

    record Expect(String decision, String reasonCode, Consumer<DecisionResponse> more) {
    }

    static Expect allowed() {
        return new Expect(DecisionResponse.ALLOW, ALLOWED, r -> {
        });
    }

    static Expect allowed(Consumer<DecisionResponse> more) {
        return new Expect(DecisionResponse.ALLOW, ALLOWED, more);
    }

    static Expect denied(String code) {
        return new Expect(DecisionResponse.DENY, code, r -> {
        });
    }

    static Expect denied(String code, Consumer<DecisionResponse> more) {
        return new Expect(DecisionResponse.DENY, code, more);
    }

    static Arguments row(String name, Consumer<Scenario> change, Expect expect) {
        return Arguments.of(name, change, expect);
    }

    static Stream<Arguments> table() {
        Instant past = NOW.minus(Duration.ofHours(2));
        Instant future = NOW.plus(Duration.ofHours(2));
        return Stream.of(
                row("base scenario", s -> {
                }, allowed(r -> {
                    assertEquals(List.of("profile", "tickets:read"), r.grantedScopes());
                    assertEquals(900, r.maxSessionSeconds());
                    assertEquals("rule-0", r.ruleId());
                    assertFalse(r.reasonRequired());
                    assertFalse(r.refreshAllowed());
                    assertFalse(r.chainingAllowed());
                })),
                // ---- guards ----
                row("guard: actor impersonates themself", s -> {
                    s.subjectId = s.actorId;
                    s.subject = s.actor;
                    s.subjectRoles = s.actorRoles;
                }, denied(SELF_IMPERSONATION)),
                row("guard: actor unknown to org-service", s -> s.actor = null, denied(ACTOR_INACTIVE)),
                row("guard: actor disabled", s -> s.actor = user("agent", "agent.smith", ORG_A, "disabled"),
                        denied(ACTOR_INACTIVE)),
                row("guard: subject unknown to org-service", s -> s.subject = null, denied(SUBJECT_NOT_FOUND)),
                row("guard: subject locked", s -> s.subject = user("customer", "test-customer", ORG_A, "locked"),
                        denied(SUBJECT_INACTIVE)),
                row("guard: subject disabled", s -> s.subject = user("customer", "test-customer", ORG_A, "disabled"),
                        denied(SUBJECT_INACTIVE)),
                row("guard: subject resident in another organization",
                        s -> s.subject = user("customer", "test-customer", ORG_B, "active"), denied(ORGANIZATION_MISMATCH)),
                row("guard: impersonating in an organization both are not resident in, without a switch",
                        s -> s.organizationId = TEAM, denied(ORGANIZATION_MISMATCH)),
                row("guard: invited parent-organization user impersonates a child organization's own user", s -> {
                    s.actor = user("agent", "agent.smith", ORG_A, "active");
                    s.subject = user("customer", "test-customer", TEAM, "active");
                    s.organizationId = TEAM;
                    s.organizationSwitch = true;
                }, denied(ORGANIZATION_MISMATCH)),
                row("guard: child organization's user impersonates an invited parent-organization user", s -> {
                    s.actor = user("agent", "agent.smith", TEAM, "active");
                    s.organizationId = TEAM;
                }, denied(ORGANIZATION_MISMATCH)),
                row("guard: actor without the impersonation permission", s -> s.actorRoles = List.of(AGENT),
                        denied(MISSING_PERMISSION)),
                row("guard: organization switch without org_impersonation", s -> {
                    s.actorRoles = List.of(IMPERSONATION_ONLY, AGENT, TEAM_MEMBER);
                    s.subjectRoles = List.of(TEAM_MEMBER);
                    s.organizationId = TEAM;
                    s.organizationSwitch = true;
                    s.rules = List.of(allow("switch").actorRoles(AGENT.roleId()));
                }, denied(MISSING_PERMISSION)),
                row("guard: subject holds a client permission the actor lacks",
                        s -> s.subjectRoles = List.of(CUSTOMER, BILLING), denied(PRIVILEGE_CEILING)),
                row("guard: subject holds a suite permission (orgs:write) the actor lacks",
                        s -> s.subjectRoles = List.of(CUSTOMER, ORG_ADMIN), denied(PRIVILEGE_CEILING)),
                row("guard: the ceiling holds though a rule allows everything", s -> {
                    s.subjectRoles = List.of(CUSTOMER, BILLING);
                    s.rules = List.of(allow("anything").actorUsers("agent"));
                }, denied(PRIVILEGE_CEILING)),
                row("guard: no chaining from an impersonated actor token", s -> s.actorTokenHasAct = true,
                        denied(CHAINING_FORBIDDEN, r -> assertEquals("rule-0", r.ruleId()))),
                // ---- rules ----
                row("rules: none at all (default deny)", s -> s.rules = List.of(), denied(NO_MATCHING_RULE)),
                row("actors.users: another actor listed", s -> s.rules = List.of(allow("other").actorUsers("someone-else")),
                        denied(NO_MATCHING_RULE)),
                row("actors.users: the actor listed", s -> s.rules = List.of(allow("me").actorUsers("agent")), allowed()),
                row("actors.roles: a role the actor does not hold",
                        s -> s.rules = List.of(allow("billing").actorRoles(BILLING.roleId())), denied(NO_MATCHING_RULE)),
                row("clients: another client only", s -> s.clientId = "test-client", denied(CLIENT_NOT_ALLOWED)),
                row("organizations: another organization only",
                        s -> s.rules = List.of(allow("b").actorRoles(AGENT.roleId()).organizations(ORG_B)),
                        denied(NO_MATCHING_RULE)),
                row("effect deny overrides an earlier allow", s -> s.rules = List.of(
                        allow("agents").priority(1).actorRoles(AGENT.roleId()),
                        deny("not customers").priority(50).subjectRoles(CUSTOMER.roleId())),
                        denied(DENIED_BY_RULE, r -> assertEquals("rule-1", r.ruleId()))),
                row("effect deny for other subjects leaves the allow", s -> s.rules = List.of(
                        allow("agents").actorRoles(AGENT.roleId()), deny("not vip").subjectUsers("vip-user")), allowed()),
                row("deny rule naming no actor applies to every actor", s -> s.rules = List.of(
                        allow("agents").actorRoles(AGENT.roleId()), deny("protect customer").subjectUsers("customer")),
                        denied(DENIED_BY_RULE)),
                row("disabled-by-window deny rule does not apply", s -> s.rules = List.of(
                        allow("agents").actorRoles(AGENT.roleId()),
                        deny("freeze").actorRoles(AGENT.roleId()).validUntil(past)), allowed()),
                row("subjects.users: another subject listed",
                        s -> s.rules = List.of(allow("x").actorRoles(AGENT.roleId()).subjectUsers("someone")),
                        denied(NO_MATCHING_RULE)),
                row("subjects.users: the subject listed",
                        s -> s.rules = List.of(allow("x").actorRoles(AGENT.roleId()).subjectUsers("customer")), allowed()),
                row("subjects.roles: a role the subject holds",
                        s -> s.rules = List.of(allow("x").actorRoles(AGENT.roleId()).subjectRoles(CUSTOMER.roleId())),
                        allowed()),
                row("subjects.roles: a role the subject does not hold",
                        s -> s.rules = List.of(allow("x").actorRoles(AGENT.roleId()).subjectRoles(BILLING.roleId())),
                        denied(NO_MATCHING_RULE)),
                row("subjects.usernamePattern: glob matches",
                        s -> s.rules = List.of(allow("x").actorRoles(AGENT.roleId()).usernamePattern("test*")), allowed()),
                row("subjects.usernamePattern: glob does not match",
                        s -> s.rules = List.of(allow("x").actorRoles(AGENT.roleId()).usernamePattern("glob:admin*")),
                        denied(NO_MATCHING_RULE)),
                row("subjects.usernamePattern: glob matches the whole name only",
                        s -> s.rules = List.of(allow("x").actorRoles(AGENT.roleId()).usernamePattern("glob:test")),
                        denied(NO_MATCHING_RULE)),
                row("subjects.usernamePattern: regex, case-insensitive",
                        s -> s.rules = List.of(allow("x").actorRoles(AGENT.roleId()).usernamePattern("regex:^TEST-")),
                        allowed()),
                row("subjects.excludedRoles: the subject holds one",
                        s -> s.rules = List.of(allow("x").actorRoles(AGENT.roleId()).excludedRoles(CUSTOMER.roleId())),
                        denied(NO_MATCHING_RULE)),
                row("subjects.excludedRoles: the subject holds none",
                        s -> s.rules = List.of(allow("x").actorRoles(AGENT.roleId()).excludedRoles(ORG_ADMIN.roleId())),
                        allowed()),
                row("validFrom in the future",
                        s -> s.rules = List.of(allow("x").actorRoles(AGENT.roleId()).validFrom(future)),
                        denied(NO_MATCHING_RULE)),
                row("validUntil in the past",
                        s -> s.rules = List.of(allow("x").actorRoles(AGENT.roleId()).validUntil(past)),
                        denied(NO_MATCHING_RULE)),
                row("inside the validity window",
                        s -> s.rules = List.of(allow("x").actorRoles(AGENT.roleId()).validFrom(past).validUntil(future)),
                        allowed()),
                row("priority: the first matching allow rule grants", s -> s.rules = List.of(
                        allow("late").priority(20).actorRoles(AGENT.roleId()).maxSessionSeconds(3600),
                        allow("early").priority(10).actorUsers("agent").maxSessionSeconds(600)),
                        allowed(r -> {
                            assertEquals("rule-1", r.ruleId());
                            assertEquals(600, r.maxSessionSeconds());
                        })),
                row("grants.scopes narrow the subject's", s -> s.rules = List.of(
                        allow("x").actorRoles(AGENT.roleId()).scopes("tickets:read", "tickets:write")),
                        allowed(r -> assertEquals(List.of("tickets:read"), r.grantedScopes()))),
                row("requested scopes are intersected with the subject's", s -> s.requestedScopes = List.of("profile",
                        "tickets:write"), allowed(r -> assertEquals(List.of("profile"), r.grantedScopes()))),
                row("grants.maxSessionSeconds", s -> s.rules = List.of(allow("x").actorRoles(AGENT.roleId())
                        .maxSessionSeconds(300)), allowed(r -> assertEquals(300, r.maxSessionSeconds()))),
                row("grants.reasonRequired without a reason", s -> {
                    s.reason = " ";
                    s.rules = List.of(allow("x").actorRoles(AGENT.roleId()).reasonRequired());
                }, denied(REASON_REQUIRED, r -> {
                    assertTrue(r.reasonRequired());
                    assertEquals("rule-0", r.ruleId());
                })),
                row("grants.reasonRequired with a reason",
                        s -> s.rules = List.of(allow("x").actorRoles(AGENT.roleId()).reasonRequired()),
                        allowed(r -> assertTrue(r.reasonRequired()))),
                row("grants.refreshAllowed", s -> s.rules = List.of(allow("x").actorRoles(AGENT.roleId()).refreshAllowed()),
                        allowed(r -> assertTrue(r.refreshAllowed()))),
                row("grants.chainingAllowed lets an impersonated actor token through", s -> {
                    s.actorTokenHasAct = true;
                    s.rules = List.of(allow("x").actorRoles(AGENT.roleId()).chainingAllowed());
                }, allowed(r -> assertTrue(r.chainingAllowed()))),
                row("the impersonation permissions are not passed on without chaining", s -> {
                    s.subjectRoles = List.of(CUSTOMER, IMPERSONATION_ONLY);
                }, allowed(r -> assertEquals(List.of("profile", "tickets:read"), r.grantedScopes()))),
                row("the impersonation permissions are passed on where chaining is allowed", s -> {
                    s.subjectRoles = List.of(CUSTOMER, IMPERSONATION_ONLY);
                    s.rules = List.of(allow("x").actorRoles(AGENT.roleId()).chainingAllowed());
                }, allowed(r -> assertEquals(List.of("impersonation", "profile", "tickets:read"), r.grantedScopes()))),
                row("organization switch into a child organization", s -> {
                    s.actorRoles = List.of(IMPERSONATOR, AGENT, TEAM_MEMBER);
                    s.subjectRoles = List.of(TEAM_MEMBER);
                    s.organizationId = TEAM;
                    s.organizationSwitch = true;
                    s.rules = List.of(allow("into teams").actorRoles(IMPERSONATOR.roleId()).organizations(TEAM));
                }, allowed(r -> assertEquals(List.of("tickets:read"), r.grantedScopes()))),
                row("organization switch: ceiling in the child organization", s -> {
                    s.actorRoles = List.of(IMPERSONATOR, AGENT);
                    s.subjectRoles = List.of(TEAM_MEMBER);
                    s.organizationId = TEAM;
                    s.organizationSwitch = true;
                    s.rules = List.of(allow("into teams").actorRoles(IMPERSONATOR.roleId()).organizations(TEAM));
                }, denied(PRIVILEGE_CEILING)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decide(String name, Consumer<Scenario> change, Expect expect) {
        Scenario scenario = new Scenario();
        change.accept(scenario);
        DecisionEngine engine = new DecisionEngine(900);

        DecisionResponse decision = engine.decide(scenario.input(), scenario.index(), false);
        DecisionResponse explained = engine.decide(scenario.input(), scenario.index(), true);

        assertEquals(expect.decision(), decision.decision(), name);
        assertEquals(expect.reasonCode(), decision.reasonCode(), name);
        expect.more().accept(decision);
        assertEquals(List.of(), decision.explanation(), "no explanation unless asked");
        assertEquals(decision, new DecisionResponse(explained.decision(), explained.reasonCode(), explained.grantedScopes(),
                explained.maxSessionSeconds(), explained.reasonRequired(), explained.refreshAllowed(),
                explained.chainingAllowed(), explained.ruleId(), List.of()), "explain mode decides the same");
        if (!decision.allowed()) {
            assertEquals(List.of(), decision.grantedScopes());
        }
    }

    @Test
    void explainListsGuardsAndEveryConsideredRuleWithWhy() {
        Scenario s = new Scenario();
        s.rules = List.of(
                allow("wrong client").priority(1).actorRoles(AGENT.roleId()).clients("test-client"),
                allow("agents").priority(2).actorRoles(AGENT.roleId()).usernamePattern("test*"),
                deny("someone else").priority(3).actorRoles(AGENT.roleId()).subjectUsers("vip"),
                allow("not for this actor").priority(4).actorUsers("another-actor"));

        DecisionResponse decision = new DecisionEngine(900).decide(s.input(), s.index(), true);

        assertEquals(DecisionResponse.ALLOW, decision.decision());
        assertEquals("rule-1", decision.ruleId());
        List<ExplanationEntry> guards = decision.explanation().stream()
                .filter(e -> e.kind().equals(ExplanationEntry.GUARD)).toList();
        assertEquals(List.of(SELF_IMPERSONATION, ACTOR_INACTIVE, SUBJECT_NOT_FOUND, SUBJECT_INACTIVE,
                ORGANIZATION_MISMATCH, MISSING_PERMISSION, PRIVILEGE_CEILING, CHAINING_FORBIDDEN, REASON_REQUIRED),
                guards.stream().map(ExplanationEntry::id).toList());
        assertTrue(guards.stream().allMatch(g -> g.outcome().equals(ExplanationEntry.PASSED)));
        List<ExplanationEntry> rules = decision.explanation().stream()
                .filter(e -> e.kind().equals(ExplanationEntry.RULE)).toList();
        assertEquals(List.of("rule-0", "rule-1", "rule-2"), rules.stream().map(ExplanationEntry::id).toList(),
                "the rule for another actor is not considered");
        assertEquals(List.of(ExplanationEntry.NOT_MATCHED, ExplanationEntry.MATCHED, ExplanationEntry.NOT_MATCHED),
                rules.stream().map(ExplanationEntry::outcome).toList());
        assertEquals(List.of("client support-console is not among [test-client]"), rules.get(0).details());
        assertEquals(List.of("subject is neither listed nor holds a listed role"), rules.get(2).details());
    }

    @Test
    void explainStopsAtTheFailedGuardAndSaysWhy() {
        Scenario s = new Scenario();
        s.subjectRoles = List.of(CUSTOMER, BILLING);

        DecisionResponse decision = new DecisionEngine(900).decide(s.input(), s.index(), true);

        ExplanationEntry last = decision.explanation().get(decision.explanation().size() - 1);
        assertEquals(PRIVILEGE_CEILING, last.id());
        assertEquals(ExplanationEntry.FAILED, last.outcome());
        assertEquals(List.of("the subject holds [billing:write] which the actor does not"), last.details());
        assertTrue(decision.explanation().stream().noneMatch(e -> e.kind().equals(ExplanationEntry.RULE)));
    }

    static DirectoryUser user(String id, String username, String organizationId, String status) {
        return new DirectoryUser(id, username, username + "@example.org", username, organizationId, status, NOW);
    }
}

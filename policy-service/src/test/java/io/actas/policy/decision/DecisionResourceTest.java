package io.actas.policy.decision;

import static io.actas.policy.testing.Api.decide;
import static io.actas.policy.testing.Api.explain;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.actas.events.Topics;
import io.actas.policy.testing.Api;
import io.actas.policy.testing.Directory;
import io.actas.policy.testing.Events;
import io.actas.policy.testing.OrgServiceStub;
import io.actas.policy.testing.RuleBuilder;
import io.actas.support.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The two operator scenarios, set up through the API alone (roles, assignments, rules) and asked of the decision
 * API, allows and denials; explain mode; fail-closed when org-service cannot answer. org-service and token-service's
 * token endpoint are the in-test {@link OrgServiceStub}; PostgreSQL and Kafka are real.
 */
@QuarkusTest
@QuarkusTestResource(OrgServiceStub.class)
class DecisionResourceTest {

    static final String CONSOLE = "support-console";
    static final String TEST_CLIENT = "test-client";

    // "support agents of org A may impersonate non-admin users of org A through the support console for 15 minutes,
    // with a ticket reason, no refresh"
    String orgA;
    String orgB;
    String agent;
    String seniorAgent;
    String newcomer;
    String customer;
    String admin;
    String customerOfB;
    String supportRule;

    @BeforeEach
    void supportScenario() {
        orgA = "org-a-" + UUID.randomUUID();
        orgB = "org-b-" + UUID.randomUUID();
        String impersonator = Api.impersonatorRole(orgA);
        String agentRole = Api.role(orgA, CONSOLE, "Support agent", "tickets:read", "tickets:write", "profile");
        String customerRole = Api.role(orgA, CONSOLE, "Customer", "tickets:read", "profile");
        String adminRole = Api.role(orgA, "actas", "Administrator", "orgs:write", "policies:write");

        agent = Directory.user("agent.smith", orgA);
        Api.assign(agentRole, agent);
        Api.assign(impersonator, agent);
        seniorAgent = Directory.user("senior.agent", orgA);
        Api.assign(agentRole, seniorAgent);
        Api.assign(adminRole, seniorAgent);
        Api.assign(impersonator, seniorAgent);
        newcomer = Directory.user("newcomer", orgA);
        Api.assign(impersonator, newcomer);
        customer = Directory.user("jane.customer", orgA);
        Api.assign(customerRole, customer);
        admin = Directory.user("ada.admin", orgA);
        Api.assign(customerRole, admin);
        Api.assign(adminRole, admin);
        customerOfB = Directory.user("bob.customer", orgB);

        supportRule = Api.policy(RuleBuilder.allow("Support agents of org A").actorRoles(agentRole)
                .excludedRoles(adminRole).clients(CONSOLE).organizations(orgA)
                .maxSessionSeconds(900).reasonRequired());
    }

    @Test
    void supportAgentImpersonatesCustomerWithTicketReasonThenAllowedForFifteenMinutesWithoutRefresh() {
        decide(inOrgA(agent, customer, CONSOLE, "TICKET-4711"))
                .statusCode(200)
                .body("decision", equalTo("allow"))
                .body("reasonCode", equalTo("allowed"))
                .body("grantedScopes", contains("profile", "tickets:read"))
                .body("maxSessionSeconds", equalTo(900))
                .body("reasonRequired", equalTo(true))
                .body("refreshAllowed", equalTo(false))
                .body("chainingAllowed", equalTo(false))
                .body("ruleId", equalTo(supportRule))
                .body("explanation", hasSize(0));
    }

    @Test
    void supportAgentWithoutReasonThenReasonRequired() {
        decide(inOrgA(agent, customer, CONSOLE, null)).statusCode(200)
                .body("decision", equalTo("deny")).body("reasonCode", equalTo("reason_required"))
                .body("reasonRequired", equalTo(true)).body("ruleId", equalTo(supportRule))
                .body("grantedScopes", hasSize(0));
    }

    @Test
    void supportAgentThroughAnotherClientThenClientNotAllowed() {
        decide(inOrgA(agent, customer, TEST_CLIENT, "T-1"))
                .body("decision", equalTo("deny")).body("reasonCode", equalTo("client_not_allowed"));
    }

    @Test
    void supportAgentImpersonatesAdministratorThenPrivilegeCeiling() {
        decide(inOrgA(agent, admin, CONSOLE, "T-1"))
                .body("decision", equalTo("deny")).body("reasonCode", equalTo("privilege_ceiling"));
    }

    @Test
    void seniorAgentImpersonatesAdministratorThenExcludedByTheRule() {
        decide(inOrgA(seniorAgent, admin, CONSOLE, "T-1"))
                .body("decision", equalTo("deny")).body("reasonCode", equalTo("no_matching_rule"))
                .body("ruleId", nullValue());
    }

    @Test
    void supportAgentImpersonatesUserOfAnotherOrganizationThenOrganizationMismatch() {
        decide(inOrgA(agent, customerOfB, CONSOLE, "T-1"))
                .body("decision", equalTo("deny")).body("reasonCode", equalTo("organization_mismatch"));
    }

    @Test
    void impersonatorWithoutTheAgentRoleThenNoMatchingRule() {
        String plainUser = Directory.user("plain.user", orgA);
        decide(inOrgA(newcomer, plainUser, CONSOLE, "T-1"))
                .body("decision", equalTo("deny")).body("reasonCode", equalTo("no_matching_rule"));
    }

    @Test
    void customerWithoutImpersonatorRoleThenMissingPermission() {
        decide(inOrgA(customer, agent, CONSOLE, "T-1"))
                .body("decision", equalTo("deny")).body("reasonCode", equalTo("missing_permission"));
    }

    @Test
    void impersonatedActorTokenThenChainingForbidden() {
        decide(new DecisionRequest(agent, customer, CONSOLE, orgA, List.of(), "T-1", true, false))
                .body("decision", equalTo("deny")).body("reasonCode", equalTo("chaining_forbidden"));
    }

    @Test
    void selfImpersonationThenDenied() {
        decide(inOrgA(agent, agent, CONSOLE, "T-1"))
                .body("decision", equalTo("deny")).body("reasonCode", equalTo("self_impersonation"));
    }

    // "testers may impersonate users whose username starts with test through test-client"

    @Test
    void testersImpersonateTestUsersThroughTestClientOnly() {
        String org = "org-t-" + UUID.randomUUID();
        String impersonator = Api.impersonatorRole(org);
        String testerRole = Api.role(org, TEST_CLIENT, "Tester", "app:use", "app:debug");
        String userRole = Api.role(org, TEST_CLIENT, "App user", "app:use");
        String tester = Directory.user("tina.tester", org);
        Api.assign(testerRole, tester);
        Api.assign(impersonator, tester);
        String testUser = Directory.user("test-alice", org);
        Api.assign(userRole, testUser);
        String realUser = Directory.user("alice", org);
        Api.assign(userRole, realUser);
        String disabledTestUser = Directory.user("test-bob", org, "disabled");
        String rule = Api.policy(RuleBuilder.allow("Testers").actorRoles(testerRole).usernamePattern("test*")
                .clients(TEST_CLIENT));

        decide(new DecisionRequest(tester, testUser, TEST_CLIENT, org, List.of("app:use", "app:debug"), null, false,
                false))
                .body("decision", equalTo("allow")).body("ruleId", equalTo(rule))
                .body("grantedScopes", contains("app:use"))
                .body("maxSessionSeconds", equalTo(900))
                .body("reasonRequired", equalTo(false));
        decide(new DecisionRequest(tester, realUser, TEST_CLIENT, org, List.of(), null, false, false))
                .body("decision", equalTo("deny")).body("reasonCode", equalTo("no_matching_rule"));
        decide(new DecisionRequest(tester, testUser, CONSOLE, org, List.of(), null, false, false))
                .body("decision", equalTo("deny")).body("reasonCode", equalTo("client_not_allowed"));
        decide(new DecisionRequest(tester, disabledTestUser, TEST_CLIENT, org, List.of(), null, false, false))
                .body("decision", equalTo("deny")).body("reasonCode", equalTo("subject_inactive"));
        decide(new DecisionRequest(tester, "u-unknown-" + UUID.randomUUID(), TEST_CLIENT, org, List.of(), null, false,
                false))
                .body("decision", equalTo("deny")).body("reasonCode", equalTo("subject_not_found"));
        // the organization left out = the actor's resident organization
        decide(new DecisionRequest(tester, testUser, TEST_CLIENT, null, List.of(), null, false, false))
                .body("decision", equalTo("allow"));
    }

    @Test
    void denyRuleTakesEffectAtOnceAndOverridesTheAllowUntilDeleted() {
        String deny = Api.policy(RuleBuilder.deny("Jane is off limits").priority(500).subjectUsers(customer));

        decide(inOrgA(agent, customer, CONSOLE, "T-1"))
                .body("decision", equalTo("deny")).body("reasonCode", equalTo("denied_by_rule"))
                .body("ruleId", equalTo(deny));

        Api.operator().delete("/api/v1/impersonation-policies/" + deny).then().statusCode(204);
        decide(inOrgA(agent, customer, CONSOLE, "T-1"))
                .body("decision", equalTo("allow"));
    }

    @Test
    void explainListsTheGuardsAndTheConsideredRulesWithWhy() {
        String otherClientRule = Api.policy(RuleBuilder.allow("Agents on the test client").priority(1)
                .actorUsers(agent).clients(TEST_CLIENT));

        explain(inOrgA(agent, customer, CONSOLE, "T-1")).statusCode(200)
                .body("decision", equalTo("allow"))
                .body("ruleId", equalTo(supportRule))
                .body("explanation.findAll { it.kind == 'guard' }.id", contains("self_impersonation", "actor_inactive",
                        "subject_not_found", "subject_inactive", "organization_mismatch", "missing_permission",
                        "privilege_ceiling", "chaining_forbidden", "reason_required"))
                .body("explanation.findAll { it.kind == 'guard' }.outcome", everyItemIs("passed"))
                .body("explanation.findAll { it.kind == 'rule' }.id", hasItem(supportRule))
                .body("explanation.find { it.id == '" + supportRule + "' }.outcome", equalTo("matched"))
                .body("explanation.find { it.id == '" + otherClientRule + "' }.outcome", equalTo("not_matched"))
                .body("explanation.find { it.id == '" + otherClientRule + "' }.details",
                        contains("client support-console is not among [test-client]"));

        explain(inOrgA(agent, admin, CONSOLE, "T-1"))
                .body("reasonCode", equalTo("privilege_ceiling"))
                .body("explanation[-1].id", equalTo("privilege_ceiling"))
                .body("explanation[-1].outcome", equalTo("failed"))
                .body("explanation[-1].details[0]", equalTo("the subject holds [orgs:write, policies:write] which the "
                        + "actor does not"));
    }

    @Test
    void orgServiceDownThenServiceUnavailableAfterRetries() {
        int before = Directory.lookups();
        Directory.mode("down");
        try {
            decide(inOrgA(agent, customer, CONSOLE, "T-1"))
                    .statusCode(503).contentType("application/problem+json")
                    .body("status", equalTo(503));
        } finally {
            Directory.mode("up");
        }
        // one try and two retries for at least one of actor and subject (the other may be cancelled by the first failure)
        int lookups = Directory.lookups() - before;
        assertTrue(lookups >= 3 && lookups <= 6, "org-service asked " + lookups + " times");
    }

    @Test
    void orgServiceTooSlowThenServiceUnavailable() {
        Directory.mode("slow");
        try {
            decide(inOrgA(agent, customer, CONSOLE, "T-1"))
                    .statusCode(503).contentType("application/problem+json");
        } finally {
            Directory.mode("up");
        }
    }

    @Test
    void decisionWhenInvalidThenProblemListsFields() {
        given().header("Authorization", TestTokens.bearer("policies:read")).contentType("application/json")
                .body("""
                        {"subjectId": "s", "requestedScopes": ["a b"]}""")
                .post("/api/v1/decisions/impersonation").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("actorId", "clientId", "requestedScopes[0].<list element>"));
    }

    @Test
    void decisionNeedsPoliciesReadAndIsNotRecordedAsAResourceChange() {
        given().contentType("application/json").body("{}").post("/api/v1/decisions/impersonation").then()
                .statusCode(401);
        given().header("Authorization", TestTokens.bearer("orgs:read")).contentType("application/json").body("{}")
                .post("/api/v1/decisions/impersonation").then().statusCode(403);

        String caller = "token-service-" + UUID.randomUUID();
        given().header("Authorization", TestTokens.token().subject(caller).scopes("policies:read").bearer())
                .contentType("application/json")
                .body(Api.json(inOrgA(agent, customer, CONSOLE, "T-1")))
                .post("/api/v1/decisions/impersonation").then().statusCode(200).body("decision", equalTo("allow"));
        assertEquals(List.of(), Events.within(Topics.AUDIT_EVENTS, caller, Duration.ofSeconds(3)));
    }

    /** Asks about an impersonation in org A, requesting no particular scopes, with an actor token not impersonated. */
    private DecisionRequest inOrgA(String actor, String subject, String client, String reason) {
        return new DecisionRequest(actor, subject, client, orgA, List.of(), reason, false, false);
    }

    private static org.hamcrest.Matcher<Iterable<? extends Object>> everyItemIs(String value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }
}

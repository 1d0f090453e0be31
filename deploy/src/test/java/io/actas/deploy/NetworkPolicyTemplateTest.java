package io.actas.deploy;

import static io.actas.deploy.Chart.objectName;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The NetworkPolicies: only token-service is reachable from outside; a service is reachable only from the services
 * that call it; egress only to the services it calls, PostgreSQL, Kafka, DNS and (notification-service) SMTP.
 */
class NetworkPolicyTemplateTest {

    /** Who calls whom (CONTRIBUTING.md REST contracts; every service fetches token-service's JWKS). */
    private static final Map<String, Set<String>> CALLS = Map.of(
            "token", Set.of("org-service", "policy-service"),
            "policy", Set.of("org-service", "token-service"),
            "org", Set.of("token-service"),
            "audit", Set.of("token-service"),
            "notification", Set.of("org-service", "token-service"));

    private static final Map<String, Set<String>> CALLERS = Map.of(
            "token", Set.of("policy-service", "org-service", "audit-service", "notification-service"),
            "policy", Set.of("token-service"),
            "org", Set.of("token-service", "policy-service", "notification-service"),
            "audit", Set.of(),
            "notification", Set.of());

    private final Chart.Rendered rendered = Chart.template().render();

    @Test
    void everyPolicyRestrictsBothDirections() {
        for (String service : Chart.SERVICES) {
            assertEquals("[\"Ingress\",\"Egress\"]", policy(rendered, service).at("/spec/policyTypes").toString(), service);
        }
    }

    @Test
    void onlyTokenServiceAcceptsTrafficFromAnySource() {
        for (String service : Chart.SERVICES) {
            boolean open = false;
            for (JsonNode rule : policy(rendered, service).at("/spec/ingress")) {
                open |= !rule.has("from");
            }
            assertEquals(service.equals("token"), open, service);
        }
    }

    @Test
    void servicesAcceptOnlyTheirCallers() {
        for (String service : Chart.SERVICES) {
            Set<String> from = new TreeSet<>();
            for (JsonNode rule : policy(rendered, service).at("/spec/ingress")) {
                rule.path("from").forEach(peer -> from.add(component(peer.at("/podSelector/matchLabels"))));
                assertEquals("http", rule.at("/ports/0/port").asText(), service);
            }
            assertEquals(new TreeSet<>(CALLERS.get(service)), from, service);
        }
    }

    @Test
    void servicesReachOnlyTheServicesTheyCallOnTheirPorts() {
        Map<String, Integer> ports = Map.of("token-service", 8080, "policy-service", 8081, "org-service", 8082);
        for (String service : Chart.SERVICES) {
            Set<String> to = new TreeSet<>();
            for (JsonNode rule : policy(rendered, service).at("/spec/egress")) {
                if (rule.has("to")) {
                    String callee = component(rule.at("/to/0/podSelector/matchLabels"));
                    to.add(callee);
                    assertEquals(ports.get(callee), rule.at("/ports/0/port").asInt(), service + " -> " + callee);
                }
            }
            assertEquals(new TreeSet<>(CALLS.get(service)), to, service);
        }
    }

    @Test
    void egressAllowsDnsPostgresqlKafkaAndSmtpOnlyForNotification() {
        for (String service : Chart.SERVICES) {
            Set<String> open = new TreeSet<>();
            for (JsonNode rule : policy(rendered, service).at("/spec/egress")) {
                if (!rule.has("to")) {
                    rule.path("ports").forEach(p -> open.add(p.path("protocol").asText() + "/" + p.path("port").asText()));
                }
            }
            Set<String> expected = new TreeSet<>(Set.of("UDP/53", "TCP/53", "TCP/5432", "TCP/9092"));
            if (service.equals("notification")) {
                expected.add("TCP/587");
            }
            assertEquals(expected, open, service);
        }
    }

    @Test
    void restrictedValuesNarrowTheIngressControllerMetricsAndDatabasePeers() {
        Chart.Rendered restricted = Chart.template().values("values-all-features.yaml").render();

        JsonNode tokenIngress = policy(restricted, "token").at("/spec/ingress");
        for (JsonNode rule : tokenIngress) {
            assertTrue(rule.has("from"), "token-service is no longer open to any source: " + rule);
        }
        JsonNode controller = tokenIngress.get(0).at("/from/0");
        JsonNode metrics = policy(restricted, "audit").at("/spec/ingress/0/from/0/namespaceSelector/matchLabels");
        JsonNode postgresql = policy(restricted, "org").at("/spec/egress/1");
        JsonNode kafka = policy(restricted, "org").at("/spec/egress/2/ports");
        assertAll(
                () -> assertEquals("ingress-nginx", controller.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name")
                        .asText()),
                () -> assertEquals("ingress-nginx", controller.at("/podSelector/matchLabels/app.kubernetes.io~1name").asText()),
                () -> assertEquals("monitoring", metrics.path("kubernetes.io/metadata.name").asText()),
                () -> assertEquals("10.20.0.0/16", postgresql.at("/to/0/ipBlock/cidr").asText()),
                () -> assertEquals(1, kafka.size(), "9093 once, from both bootstrap servers"),
                () -> assertEquals(9093, kafka.at("/0/port").asInt()),
                () -> assertEquals(465, policy(restricted, "notification").at("/spec/egress/3/ports/0/port").asInt()));
    }

    @Test
    void disablingNetworkPoliciesRemovesThem() {
        Chart.Rendered open = Chart.template().set("networkPolicy.enabled", false).render();

        assertTrue(open.ofKind("NetworkPolicy").isEmpty());
        assertFalse(open.ofKind("Deployment").isEmpty());
    }

    private static JsonNode policy(Chart.Rendered rendered, String service) {
        return rendered.get("NetworkPolicy", objectName(service));
    }

    private static String component(JsonNode matchLabels) {
        assertEquals("actas", matchLabels.path("app.kubernetes.io/name").asText());
        assertEquals(Chart.RELEASE, matchLabels.path("app.kubernetes.io/instance").asText());
        return matchLabels.path("app.kubernetes.io/component").asText();
    }
}

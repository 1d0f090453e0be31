package io.actas.deploy;

import static io.actas.deploy.Chart.SERVICES;
import static io.actas.deploy.Chart.component;
import static io.actas.deploy.Chart.objectName;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** `helm template` with the default values: what an SRE gets from a plain install. */
class DefaultValuesTemplateTest {

    private static final Map<String, Integer> PORTS = Map.of("token", 8080, "policy", 8081, "org", 8082, "audit", 8083,
            "notification", 8084);
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|_KEY|JAAS).*");

    private static Chart.Rendered rendered;

    @BeforeAll
    static void render() {
        rendered = Chart.template().render();
    }

    @Test
    void rendersOneDeploymentServiceConfigMapAccountAndBudgetPerService() {
        for (String kind : List.of("Deployment", "Service", "ConfigMap", "ServiceAccount", "PodDisruptionBudget",
                "NetworkPolicy")) {
            Set<String> names = rendered.ofKind(kind).stream().map(o -> o.at("/metadata/name").asText())
                    .collect(Collectors.toSet());
            assertEquals(SERVICES.stream().map(Chart::objectName).collect(Collectors.toSet()), names, kind);
        }
    }

    @Test
    void optionalObjectsAreOffByDefault() {
        assertAll(
                () -> assertTrue(rendered.ofKind("Ingress").isEmpty(), "Ingress"),
                () -> assertTrue(rendered.ofKind("HorizontalPodAutoscaler").isEmpty(), "HPA"),
                () -> assertTrue(rendered.ofKind("ServiceMonitor").isEmpty(), "ServiceMonitor"),
                () -> assertTrue(rendered.ofKind("KafkaTopic").isEmpty(), "KafkaTopic"));
    }

    @Test
    void everyObjectCarriesTheRecommendedLabels() {
        for (JsonNode object : rendered.objects()) {
            JsonNode labels = object.at("/metadata/labels");
            String what = object.path("kind").asText() + " " + object.at("/metadata/name").asText();
            assertAll(what,
                    () -> assertEquals("actas", labels.path("app.kubernetes.io/name").asText()),
                    () -> assertEquals(Chart.RELEASE, labels.path("app.kubernetes.io/instance").asText()),
                    () -> assertEquals("0.1.0", labels.path("app.kubernetes.io/version").asText()),
                    () -> assertEquals("Helm", labels.path("app.kubernetes.io/managed-by").asText()),
                    () -> assertEquals("actas", labels.path("app.kubernetes.io/part-of").asText()),
                    () -> assertFalse(labels.path("app.kubernetes.io/component").asText().isEmpty()));
        }
    }

    @Test
    void selectorsAreStableAndMatchThePods() {
        for (String service : SERVICES) {
            Map<String, String> expected = Map.of("app.kubernetes.io/name", "actas", "app.kubernetes.io/instance",
                    Chart.RELEASE, "app.kubernetes.io/component", component(service));
            JsonNode deployment = rendered.get("Deployment", objectName(service));
            Map<String, String> podLabels = strings(deployment.at("/spec/template/metadata/labels"));
            assertAll(service,
                    () -> assertEquals(expected, strings(deployment.at("/spec/selector/matchLabels"))),
                    () -> assertEquals(expected, strings(rendered.get("Service", objectName(service)).at("/spec/selector"))),
                    () -> assertEquals(expected,
                            strings(rendered.get("PodDisruptionBudget", objectName(service)).at("/spec/selector/matchLabels"))),
                    () -> assertEquals(expected,
                            strings(rendered.get("NetworkPolicy", objectName(service)).at("/spec/podSelector/matchLabels"))),
                    () -> assertTrue(podLabels.entrySet().containsAll(expected.entrySet()), podLabels::toString));
        }
    }

    @Test
    void servicesListenOnTheirContractPortOnAllInterfaces() {
        for (String service : SERVICES) {
            int port = PORTS.get(service);
            Map<String, JsonNode> env = rendered.env(service);
            JsonNode servicePort = rendered.get("Service", objectName(service)).at("/spec/ports/0");
            assertAll(service,
                    () -> assertEquals("0.0.0.0", env.get("QUARKUS_HTTP_HOST").asText()),
                    () -> assertEquals(String.valueOf(port), env.get("QUARKUS_HTTP_PORT").asText()),
                    () -> assertEquals(port, rendered.container(service).at("/ports/0/containerPort").asInt()),
                    () -> assertEquals(port, servicePort.path("port").asInt()),
                    () -> assertEquals("http", servicePort.path("targetPort").asText()));
        }
    }

    @Test
    void probesUseQuarkusHealthEndpoints() {
        for (String service : SERVICES) {
            JsonNode container = rendered.container(service);
            assertAll(service,
                    () -> assertEquals("/q/health/started", container.at("/startupProbe/httpGet/path").asText()),
                    () -> assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText()),
                    () -> assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText()),
                    () -> assertEquals("http", container.at("/readinessProbe/httpGet/port").asText()),
                    // Flyway migrates before the app starts: the startup probe gives it two minutes
                    () -> assertEquals(120, container.at("/startupProbe/periodSeconds").asInt()
                            * container.at("/startupProbe/failureThreshold").asInt()));
        }
    }

    @Test
    void podsRunAsNonRootWithReadOnlyRootFilesystemAndNoCapabilities() {
        for (String service : SERVICES) {
            JsonNode pod = rendered.get("Deployment", objectName(service)).at("/spec/template/spec");
            JsonNode container = pod.at("/containers/0");
            assertAll(service,
                    () -> assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean()),
                    () -> assertEquals(1001, pod.at("/securityContext/runAsUser").asInt()),
                    () -> assertEquals("RuntimeDefault", pod.at("/securityContext/seccompProfile/type").asText()),
                    () -> assertFalse(pod.path("automountServiceAccountToken").asBoolean(true)),
                    () -> assertTrue(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()),
                    () -> assertFalse(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)),
                    () -> assertEquals("[\"ALL\"]", container.at("/securityContext/capabilities/drop").toString()),
                    () -> assertEquals("/tmp", container.at("/volumeMounts/0/mountPath").asText()),
                    () -> assertTrue(pod.at("/volumes/0/emptyDir").isObject()),
                    () -> assertEquals("actas/" + component(service) + ":0.1.0", container.path("image").asText()));
        }
    }

    @Test
    void resourcesAreSizedForNativeImages() {
        for (String service : SERVICES) {
            JsonNode resources = rendered.container(service).path("resources");
            assertAll(service,
                    () -> assertEquals("128Mi", resources.at("/requests/memory").asText()),
                    () -> assertEquals("256Mi", resources.at("/limits/memory").asText()));
        }
    }

    @Test
    void noSecretIsRenderedAndSecretVariablesAreReferences() {
        assertTrue(rendered.ofKind("Secret").isEmpty(), "the chart renders no Secret");
        for (String service : SERVICES) {
            rendered.get("ConfigMap", objectName(service)).path("data").fieldNames().forEachRemaining(
                    key -> assertFalse(SECRET_NAME.matcher(key).matches(), service + " ConfigMap holds " + key));
            for (JsonNode env : rendered.container(service).path("env")) {
                String name = env.path("name").asText();
                assertTrue(SECRET_NAME.matcher(name).matches(), service + " has a non-secret env entry " + name);
                assertFalse(env.has("value"), service + " " + name + " has a literal value");
                assertFalse(env.at("/valueFrom/secretKeyRef/name").asText().isEmpty(), service + " " + name);
            }
        }
    }

    @Test
    void eachServiceReadsExactlyItsSecrets() {
        Map<String, Map<String, String>> expected = Map.of(
                "token", Map.of("QUARKUS_DATASOURCE_PASSWORD", "actas-postgresql/token-password",
                        "ACTAS_KEYS_ENCRYPTION_KEY", "actas-auth/key-encryption-key",
                        "ACTAS_BOOTSTRAP_ADMIN_CLIENT_SECRET", "actas-auth/admin-client-secret",
                        "ACTAS_BOOTSTRAP_POLICY_SERVICE_SECRET", "actas-auth/policy-service-client-secret",
                        "ACTAS_BOOTSTRAP_NOTIFICATION_SERVICE_SECRET", "actas-auth/notification-service-client-secret",
                        "ACTAS_BOOTSTRAP_AUDIT_SERVICE_SECRET", "actas-auth/audit-service-client-secret"),
                "policy", Map.of("QUARKUS_DATASOURCE_PASSWORD", "actas-postgresql/policy-password",
                        "ACTAS_SERVICE_CLIENT_SECRET", "actas-auth/policy-service-client-secret"),
                "org", Map.of("QUARKUS_DATASOURCE_PASSWORD", "actas-postgresql/org-password",
                        "ACTAS_BOOTSTRAP_ADMIN_PASSWORD", "actas-auth/admin-password"),
                "audit", Map.of("QUARKUS_DATASOURCE_PASSWORD", "actas-postgresql/audit-password",
                        "ACTAS_SERVICE_CLIENT_SECRET", "actas-auth/audit-service-client-secret"),
                "notification", Map.of("QUARKUS_DATASOURCE_PASSWORD", "actas-postgresql/notification-password",
                        "ACTAS_SERVICE_CLIENT_SECRET", "actas-auth/notification-service-client-secret"));
        for (String service : SERVICES) {
            Map<String, String> references = new HashMap<>();
            for (JsonNode env : rendered.container(service).path("env")) {
                JsonNode ref = env.at("/valueFrom/secretKeyRef");
                references.put(env.path("name").asText(), ref.path("name").asText() + "/" + ref.path("key").asText());
            }
            assertEquals(expected.get(service), references, service);
        }
    }

    @Test
    void databaseAndKafkaSettingsUseTheServicesOwnDatabase() {
        for (String service : SERVICES) {
            Map<String, JsonNode> env = rendered.env(service);
            assertAll(service,
                    () -> assertEquals("actas_" + service, env.get("QUARKUS_DATASOURCE_USERNAME").asText()),
                    () -> assertEquals("postgresql://postgresql:5432/actas_" + service,
                            env.get("QUARKUS_DATASOURCE_REACTIVE_URL").asText()),
                    () -> assertEquals("jdbc:postgresql://postgresql:5432/actas_" + service,
                            env.get("QUARKUS_DATASOURCE_JDBC_URL").asText()),
                    () -> assertEquals("kafka:9092", env.get("KAFKA_BOOTSTRAP_SERVERS").asText()));
        }
    }

    @Test
    void servicesFindEachOtherAndTheIssuerThroughClusterServices() {
        String issuer = "http://actas-token-service.identity.svc.cluster.local:8080";
        Map<String, JsonNode> token = rendered.env("token");
        assertAll("token",
                () -> assertEquals(issuer, token.get("ACTAS_ISSUER").asText()),
                () -> assertEquals("actas-admin", token.get("ACTAS_BOOTSTRAP_ADMIN_CLIENT_ID").asText()),
                () -> assertEquals("http://actas-org-service:8082", token.get("QUARKUS_REST_CLIENT_ORG_SERVICE_URL").asText()),
                () -> assertEquals("http://actas-policy-service:8081",
                        token.get("QUARKUS_REST_CLIENT_POLICY_SERVICE_URL").asText()),
                () -> assertFalse(token.containsKey("MP_JWT_VERIFY_ISSUER")));
        for (String service : List.of("policy", "org", "audit", "notification")) {
            Map<String, JsonNode> env = rendered.env(service);
            assertAll(service,
                    () -> assertEquals(issuer, env.get("MP_JWT_VERIFY_ISSUER").asText()),
                    () -> assertEquals("http://actas-token-service:8080/oauth2/jwks",
                            env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION").asText()));
        }
        for (String service : List.of("policy", "audit", "notification")) {
            assertEquals("http://actas-token-service:8080",
                    rendered.env(service).get("QUARKUS_REST_CLIENT_TOKEN_ENDPOINT_URL").asText(), service);
        }
        for (String service : List.of("policy", "notification")) {
            assertEquals("http://actas-org-service:8082",
                    rendered.env(service).get("QUARKUS_REST_CLIENT_ORG_SERVICE_URL").asText(), service);
        }
        Map<String, JsonNode> notification = rendered.env("notification");
        assertAll("notification",
                () -> assertEquals("smtp", notification.get("QUARKUS_MAILER_HOST").asText()),
                () -> assertEquals("587", notification.get("QUARKUS_MAILER_PORT").asText()),
                () -> assertEquals("actas@example.com", notification.get("QUARKUS_MAILER_FROM").asText()));
        List<String> mailers = new ArrayList<>();
        for (String service : SERVICES) {
            if (rendered.env(service).containsKey("QUARKUS_MAILER_HOST")) {
                mailers.add(service);
            }
        }
        assertEquals(List.of("notification"), mailers);
        assertEquals("root", rendered.env("org").get("ACTAS_BOOTSTRAP_ROOT_ORGANIZATION_HANDLE").asText());
    }

    @Test
    void podsCarryPrometheusScrapeAnnotationsAndAConfigChecksum() {
        for (String service : SERVICES) {
            JsonNode annotations = rendered.get("Deployment", objectName(service)).at("/spec/template/metadata/annotations");
            assertAll(service,
                    () -> assertEquals("true", annotations.path("prometheus.io/scrape").asText()),
                    () -> assertEquals("/q/metrics", annotations.path("prometheus.io/path").asText()),
                    () -> assertEquals(String.valueOf(PORTS.get(service)), annotations.path("prometheus.io/port").asText()),
                    () -> assertEquals(64, annotations.path("checksum/config").asText().length()));
        }
    }

    @Test
    void kafkaTopicsAreCreatedByAPreInstallAndPreUpgradeHookJob() {
        Chart.Rendered withHooks = Chart.template().hooksAsObjects().render();
        JsonNode job = withHooks.get("Job", "actas-kafka-topics");
        JsonNode container = job.at("/spec/template/spec/containers/0");
        String script = container.at("/command/2").asText();
        assertAll(
                () -> assertEquals("pre-install,pre-upgrade", job.at("/metadata/annotations").path(Chart.HOOK_ANNOTATION)
                        .asText()),
                () -> assertEquals("docker.io/apache/kafka:4.3.1", container.path("image").asText()),
                () -> assertTrue(script.contains("--create --if-not-exists --topic \"impersonation.events\" --partitions 6"),
                        script),
                () -> assertTrue(script.contains("--topic \"audit.events\" --partitions 6"), script),
                () -> assertTrue(script.contains("--topic \"directory.events\" --partitions 3"), script),
                () -> assertFalse(script.contains("--replication-factor"), "broker default replication"),
                () -> assertTrue(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()),
                () -> assertTrue(job.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()));
    }

    private static Map<String, String> strings(JsonNode map) {
        Map<String, String> result = new HashMap<>();
        map.properties().forEach(e -> result.put(e.getKey(), e.getValue().asText()));
        return result;
    }
}

package io.actas.deploy;

import static io.actas.deploy.Chart.SERVICES;
import static io.actas.deploy.Chart.objectName;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** `helm template` with every optional feature on (src/test/resources/values-all-features.yaml). */
class OptionalFeaturesTemplateTest {

    private final Chart.Rendered rendered = Chart.template().values("values-all-features.yaml").hooksAsObjects().render();

    @Test
    void ingressExposesOnlyTokenServiceAndMakesThePublicIssuer() {
        List<JsonNode> ingresses = rendered.ofKind("Ingress");
        assertEquals(1, ingresses.size(), rendered.kinds()::toString);
        JsonNode ingress = ingresses.getFirst();
        Map<String, JsonNode> token = rendered.env("token");
        assertAll(
                () -> assertEquals("actas-token-service", ingress.at("/metadata/name").asText()),
                () -> assertEquals("nginx", ingress.at("/spec/ingressClassName").asText()),
                () -> assertEquals("login.example.com", ingress.at("/spec/rules/0/host").asText()),
                () -> assertEquals("actas-token-service",
                        ingress.at("/spec/rules/0/http/paths/0/backend/service/name").asText()),
                () -> assertEquals("login-example-com-tls", ingress.at("/spec/tls/0/secretName").asText()),
                () -> assertEquals("1m",
                        ingress.at("/metadata/annotations/nginx.ingress.kubernetes.io~1proxy-body-size").asText()),
                () -> assertEquals("https://login.example.com", token.get("ACTAS_ISSUER").asText()),
                () -> assertEquals("true", token.get("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING").asText()),
                () -> assertEquals("https://login.example.com", rendered.env("org").get("MP_JWT_VERIFY_ISSUER").asText()));
    }

    @Test
    void autoscalingReplacesFixedReplicas() {
        for (String service : SERVICES) {
            JsonNode hpa = rendered.get("HorizontalPodAutoscaler", objectName(service));
            assertAll(service,
                    () -> assertFalse(rendered.get("Deployment", objectName(service)).at("/spec").has("replicas")),
                    () -> assertEquals(objectName(service), hpa.at("/spec/scaleTargetRef/name").asText()),
                    () -> assertEquals(2, hpa.at("/spec/minReplicas").asInt()),
                    () -> assertEquals(5, hpa.at("/spec/maxReplicas").asInt()),
                    () -> assertEquals("cpu", hpa.at("/spec/metrics/0/resource/name").asText()),
                    () -> assertEquals(80, hpa.at("/spec/metrics/1/resource/target/averageUtilization").asInt()),
                    () -> assertEquals(1, rendered.get("PodDisruptionBudget", objectName(service)).at("/spec/minAvailable")
                            .asInt()));
        }
    }

    @Test
    void serviceMonitorScrapesQuarkusMetrics() {
        for (String service : SERVICES) {
            JsonNode monitor = rendered.get("ServiceMonitor", objectName(service));
            assertAll(service,
                    () -> assertEquals("prometheus", monitor.at("/metadata/labels/release").asText()),
                    () -> assertEquals("/q/metrics", monitor.at("/spec/endpoints/0/path").asText()),
                    () -> assertEquals("http", monitor.at("/spec/endpoints/0/port").asText()),
                    () -> assertEquals("15s", monitor.at("/spec/endpoints/0/interval").asText()),
                    () -> assertEquals(rendered.get("Service", objectName(service)).at("/spec/selector"),
                            monitor.at("/spec/selector/matchLabels")));
        }
    }

    @Test
    void kafkaSaslAndSmtpCredentialsComeOnlyFromTheirSecrets() {
        for (String service : SERVICES) {
            Map<String, JsonNode> env = rendered.env(service);
            assertAll(service,
                    () -> assertEquals("SASL_SSL", env.get("KAFKA_SECURITY_PROTOCOL").asText()),
                    () -> assertEquals("SCRAM-SHA-512", env.get("KAFKA_SASL_MECHANISM").asText()),
                    () -> assertEquals("actas-kafka",
                            env.get("KAFKA_SASL_JAAS_CONFIG").at("/valueFrom/secretKeyRef/name").asText()),
                    () -> assertEquals("sasl-jaas-config",
                            env.get("KAFKA_SASL_JAAS_CONFIG").at("/valueFrom/secretKeyRef/key").asText()),
                    () -> assertEquals(service.equals("notification"), env.containsKey("QUARKUS_MAILER_PASSWORD")));
        }
        Map<String, JsonNode> notification = rendered.env("notification");
        assertAll(
                () -> assertEquals("actas-smtp", notification.get("QUARKUS_MAILER_USERNAME").at("/valueFrom/secretKeyRef/name")
                        .asText()),
                () -> assertEquals("password", notification.get("QUARKUS_MAILER_PASSWORD").at("/valueFrom/secretKeyRef/key")
                        .asText()),
                () -> assertEquals("true", notification.get("QUARKUS_MAILER_TLS").asText()),
                () -> assertEquals("actas-audit-db", rendered.env("audit").get("QUARKUS_DATASOURCE_PASSWORD")
                        .at("/valueFrom/secretKeyRef/name").asText()),
                () -> assertTrue(rendered.ofKind("Secret").isEmpty()));
    }

    @Test
    void topicsJobUsesTheClientConfigSecretAndReplicationFactor() {
        JsonNode pod = rendered.get("Job", "actas-kafka-topics").at("/spec/template/spec");
        String script = pod.at("/containers/0/command/2").asText();
        assertAll(
                () -> assertTrue(script.contains("--command-config /etc/kafka-client/client.properties --create"), script),
                () -> assertTrue(script.contains("--replication-factor 3"), script),
                () -> assertEquals("actas-kafka-client", pod.at("/volumes/1/secret/secretName").asText()),
                () -> assertEquals("kafka-0.kafka:9093,kafka-1.kafka:9093", pod.at("/containers/0/env/0/value").asText()),
                () -> assertEquals("regcred", pod.at("/imagePullSecrets/0/name").asText()));
    }

    @Test
    void commonLabelsAnnotationsRegistryAndPullSecretsReachEveryService() {
        for (String service : SERVICES) {
            JsonNode deployment = rendered.get("Deployment", objectName(service));
            assertAll(service,
                    () -> assertEquals("identity", deployment.at("/metadata/labels/team").asText()),
                    () -> assertEquals("identity-team", deployment.at("/metadata/annotations/owner").asText()),
                    () -> assertTrue(
                            rendered.container(service).path("image").asText().startsWith("registry.example.com/actas/")),
                    () -> assertEquals("regcred", deployment.at("/spec/template/spec/imagePullSecrets/0/name").asText()),
                    () -> assertEquals("kubernetes.io/hostname",
                            deployment.at("/spec/template/spec/topologySpreadConstraints/0/topologyKey").asText()));
        }
        assertEquals("admin@example.org", rendered.env("org").get("ACTAS_BOOTSTRAP_ADMIN_EMAIL").asText());
    }

    @Test
    void strimziTopicsReplaceTheHookJob() {
        Chart.Rendered strimzi = Chart.template().hooksAsObjects()
                .set("kafka.topics.hookJob.enabled", false)
                .set("kafka.topics.strimzi.enabled", true)
                .set("kafka.topics.strimzi.clusterName", "events")
                .set("kafka.topics.replicationFactor", 3)
                .render();
        List<JsonNode> topics = strimzi.ofKind("KafkaTopic");
        assertAll(
                () -> assertTrue(strimzi.ofKind("Job").isEmpty()),
                () -> assertEquals(List.of("impersonation.events", "audit.events", "directory.events"),
                        topics.stream().map(t -> t.at("/spec/topicName").asText()).toList()),
                () -> assertEquals("actas-impersonation-events", topics.getFirst().at("/metadata/name").asText()),
                () -> assertEquals("events", topics.getFirst().at("/metadata/labels/strimzi.io~1cluster").asText()),
                () -> assertEquals(6, topics.getFirst().at("/spec/partitions").asInt()),
                () -> assertEquals("keep", topics.getFirst().at("/metadata/annotations/helm.sh~1resource-policy").asText()),
                () -> assertEquals(3, topics.getFirst().at("/spec/replicas").asInt()));
    }

    @Test
    void hookJobAndStrimziTogetherAreRefused() {
        String message = Chart.template().set("kafka.topics.strimzi.enabled", true).renderFailure();

        assertTrue(message.contains("are exclusive"), message);
    }
}

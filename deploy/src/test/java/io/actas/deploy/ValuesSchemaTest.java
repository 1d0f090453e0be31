package io.actas.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** values.schema.json: `helm template` (and install/upgrade) refuses wrongly typed or unknown values. */
class ValuesSchemaTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "defaults.replicaCount                                | two        | at '/defaults/replicaCount': got string, want integer",
            "services.token.replicaCount                          | -1         | at '/services/token/replicaCount': minimum",
            "services.org.port                                    | http       | at '/services/org/port': got string, want integer",
            "services.org.port                                    | 70000      | at '/services/org/port': maximum",
            "services.audit.enabled                               | maybe      | at '/services/audit/enabled': got string, want boolean",
            "postgresql.port                                      | fivefour   | at '/postgresql/port': got string, want integer",
            "postgresql.existingSecret                            | ''         | at '/postgresql/existingSecret': minLength",
            "auth.existingSecret                                  | ''         | at '/auth/existingSecret': minLength",
            "kafka.bootstrapServers                               | kafka      | at '/kafka/bootstrapServers': 'kafka' does not match",
            "kafka.topics.replicationFactor                       | three      | at '/kafka/topics/replicationFactor': got string",
            "kafka.topics.hookJob.enabled                         | yes-please | at '/kafka/topics/hookJob/enabled': got string",
            "image.flavor                                         | graal      | at '/image/flavor': value must be one of",
            "image.pullPolicy                                     | Sometimes  | at '/image/pullPolicy': value must be one of",
            "defaults.resources                                   | big        | at '/defaults/resources': got string, want object",
            "services.notification.resources                      | big        | at '/services/notification/resources': got string",
            "defaults.autoscaling.targetCPUUtilizationPercentage  | 150        | targetCPUUtilizationPercentage': maximum",
            "defaults.probes.startup.failureThreshold             | 0          | at '/defaults/probes/startup/failureThreshold': minimum",
            "smtp.startTls                                        | ALWAYS     | at '/smtp/startTls': value must be one of",
            "smtp.port                                            | smtp       | at '/smtp/port': got string, want integer",
            "networkPolicy.enabled                                | on-please  | at '/networkPolicy/enabled': got string, want boolean",
            "issuer                                               | login.example.com | at '/issuer': 'login.example.com' does not match",
            "services.payments.enabled                            | true       | additional properties 'payments' not allowed",
            "services.policy.ingress.enabled                      | true       | additional properties 'ingress' not allowed",
            "defaults.port                                        | 9000       | additional properties 'port' not allowed",
            "unknownTopLevel                                      | 1          | additional properties 'unknownTopLevel' not allowed" })
    void wrongValuesAreRejectedByTheSchema(String key, String value, String reason) {
        String message = Chart.template().set(key, value).renderFailure();

        assertTrue(message.contains("values don't meet the specifications of the schema"), message);
        assertTrue(message.contains(reason), message);
    }

    @Test
    void everyValuesFileOfTheChartAndTheTestsMeetsTheSchema() {
        for (String file : List.of("values-jvm.yaml", "values-all-features.yaml")) {
            assertFalse(Chart.template().values(file).render().ofKind("Deployment").isEmpty(), file);
        }
    }
}

package io.actas.deploy;

import static io.actas.deploy.Chart.SERVICES;
import static io.actas.deploy.Chart.component;
import static io.actas.deploy.Chart.objectName;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** `helm template -f values-jvm.yaml`: the JVM images get JVM-sized pods and keep the hardening. */
class JvmOverlayTemplateTest {

    private final Chart.Rendered rendered = Chart.template().values("values-jvm.yaml").render();

    @Test
    void jvmOverlaySelectsJvmImagesWithJvmSizedResources() {
        for (String service : SERVICES) {
            JsonNode container = rendered.container(service);
            assertAll(service,
                    () -> assertEquals("actas/" + component(service) + ":0.1.0-jvm", container.path("image").asText()),
                    () -> assertEquals("384Mi", container.at("/resources/requests/memory").asText()),
                    () -> assertEquals("768Mi", container.at("/resources/limits/memory").asText()),
                    () -> assertEquals("250m", container.at("/resources/requests/cpu").asText()),
                    () -> assertEquals(180, container.at("/startupProbe/periodSeconds").asInt()
                            * container.at("/startupProbe/failureThreshold").asInt()));
        }
    }

    @Test
    void jvmOverlayRunsAsTheImageUserAndKeepsTheHardening() {
        for (String service : SERVICES) {
            JsonNode pod = rendered.get("Deployment", objectName(service)).at("/spec/template/spec");
            JsonNode container = pod.at("/containers/0");
            assertAll(service,
                    () -> assertEquals(185, pod.at("/securityContext/runAsUser").asInt()),
                    () -> assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean()),
                    () -> assertEquals("RuntimeDefault", pod.at("/securityContext/seccompProfile/type").asText()),
                    () -> assertTrue(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()),
                    () -> assertEquals("[\"ALL\"]", container.at("/securityContext/capabilities/drop").toString()),
                    () -> assertEquals("JAVA_MAX_MEM_RATIO", container.at("/env").findValuesAsText("name").getLast()));
        }
    }
}

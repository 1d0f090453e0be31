package io.actas.deploy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * .github/workflows/native.yml cannot run here (no container runtime); this keeps it consistent with the build and
 * the chart: every service, Mandrel's builder container, the *IT tests, the same infrastructure.
 */
class NativeWorkflowTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path ROOT = Chart.DIR.resolve("../../..").normalize();

    @Test
    void everyServiceIsBuiltNativelyInMandrelsBuilderContainerAndItsITsRun() throws IOException {
        JsonNode job = YAML.readTree(ROOT.resolve(".github/workflows/native.yml").toFile()).at("/jobs/native");
        List<String> services = new ArrayList<>();
        job.at("/strategy/matrix/service").forEach(s -> services.add(s.asText()));
        String build = step(job, "Native build").path("run").asText();

        assertAll(
                () -> assertEquals(Chart.SERVICES.stream().map(Chart::component).sorted().toList(),
                        services.stream().sorted().toList()),
                () -> assertEquals("[\"21\",\"25\"]", job.at("/strategy/matrix/jdk").toString()),
                () -> assertTrue(build.startsWith("mvn verify -pl ${{ matrix.service }} -am"), build),
                () -> assertTrue(build.contains("-Dnative "), build),
                () -> assertTrue(build.contains("-Dquarkus.native.container-build=true"), build),
                () -> assertTrue(build.contains(
                        "-Dquarkus.native.builder-image=quay.io/quarkus/ubi9-quarkus-mandrel-builder-image:jdk-${{ matrix.jdk }}"),
                        build),
                () -> assertTrue(step(job, "Dockerfile.native").path("run").asText().contains("--read-only")));
    }

    @Test
    void infrastructureMatchesTheLocalStackAndTheChart() throws IOException {
        JsonNode services = YAML.readTree(ROOT.resolve(".github/workflows/native.yml").toFile()).at("/jobs/native/services");
        JsonNode hookImage = YAML.readTree(Chart.DIR.resolve("values.yaml").toFile()).at("/kafka/topics/hookJob/image");

        assertAll(
                () -> assertEquals("5432:5432", services.at("/postgres/ports/0").asText()),
                () -> assertEquals("9092:9092", services.at("/kafka/ports/0").asText()),
                () -> assertEquals(hookImage.path("repository").asText() + ":" + hookImage.path("tag").asText(),
                        services.at("/kafka/image").asText()),
                () -> assertEquals("3025:3025", services.at("/greenmail/ports/0").asText()),
                () -> assertEquals("8085:8080", services.at("/greenmail/ports/1").asText()));
    }

    private static JsonNode step(JsonNode job, String namePrefix) {
        for (JsonNode step : job.path("steps")) {
            if (step.path("name").asText().startsWith(namePrefix)) {
                return step;
            }
        }
        throw new AssertionError("no step named " + namePrefix + "...");
    }
}

package io.actas.deploy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every service ships Dockerfile.native (UBI 9 micro, user 1001) and Dockerfile.jvm (UBI 9 OpenJDK 21, user 185). */
class DockerfilesTest {

    @ParameterizedTest
    @CsvSource({ "token, 8080", "policy, 8081", "org, 8082", "audit, 8083", "notification, 8084" })
    void serviceHasNonRootNativeAndJvmDockerfilesOnItsPort(String service, int port) throws IOException {
        Path docker = Chart.DIR.resolve("../../../" + Chart.component(service) + "/src/main/docker").normalize();
        String nativeFile = Files.readString(docker.resolve("Dockerfile.native"));
        String jvmFile = Files.readString(docker.resolve("Dockerfile.jvm"));

        assertAll(service,
                () -> assertTrue(nativeFile.contains("\nFROM quay.io/quarkus/ubi9-quarkus-micro-image:"), nativeFile),
                () -> assertTrue(nativeFile.contains("\nUSER 1001\n"), nativeFile),
                () -> assertTrue(nativeFile.contains("\nEXPOSE " + port + "\n"), nativeFile),
                () -> assertTrue(nativeFile.contains("-Dquarkus.http.host=0.0.0.0"), nativeFile),
                () -> assertTrue(jvmFile.contains("\nFROM registry.access.redhat.com/ubi9/openjdk-21-runtime:"), jvmFile),
                () -> assertTrue(jvmFile.contains("\nUSER 185\n"), jvmFile),
                () -> assertTrue(jvmFile.contains("\nEXPOSE " + port + "\n"), jvmFile),
                () -> assertTrue(jvmFile.contains("-Dquarkus.http.host=0.0.0.0"), jvmFile));
    }
}

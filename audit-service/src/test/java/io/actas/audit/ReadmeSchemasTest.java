package io.actas.audit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import io.actas.events.EventTypes;

/** The README shows security teams the schema of every event type; it must be the one the producers are held to. */
class ReadmeSchemasTest {

    static final java.util.List<String> TYPES = EventTypes.ALL;

    @ParameterizedTest
    @FieldSource("TYPES")
    void readmeCarriesTheSchemaVerbatim(String type) throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String schema;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(EventTypes.schemaResource(type))) {
            schema = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        assertTrue(readme.contains("```json\n" + schema + "\n```"), "README.md lacks the current schema of " + type);
    }
}

package io.actas.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The published JSON Schemas and the records must say the same thing, or kcat readers are misled. */
class EventSchemasTest {

    static final Map<String, Class<? extends Record>> RECORD_OF_TYPE = Map.of(
            EventTypes.SESSION_STARTED, SessionStarted.class,
            EventTypes.TOKEN_ISSUED, TokenIssued.class,
            EventTypes.ORG_SWITCHED, OrgSwitched.class,
            EventTypes.SESSION_ENDED, SessionEnded.class,
            EventTypes.DENIED, ImpersonationDenied.class,
            EventTypes.RESOURCE_CREATED, ResourceEvent.class,
            EventTypes.RESOURCE_MODIFIED, ResourceEvent.class,
            EventTypes.RESOURCE_DELETED, ResourceEvent.class,
            EventTypes.USER_STATUS_CHANGED, UserStatusChanged.class,
            EventTypes.ROLE_ASSIGNMENT_REMOVED, RoleAssignmentRemoved.class);

    final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static List<String> types() {
        return EventTypes.ALL;
    }

    @ParameterizedTest
    @MethodSource("types")
    void schemaDataPropertiesEqualRecordComponents(String type) throws IOException {
        JsonNode schema = schema(type);
        assertEquals(type, schema.at("/properties/type/const").asText());
        Set<String> schemaFields = new TreeSet<>();
        schema.at("/properties/data/properties").fieldNames().forEachRemaining(schemaFields::add);
        Set<String> recordFields = new TreeSet<>();
        for (RecordComponent component : RECORD_OF_TYPE.get(type).getRecordComponents()) {
            recordFields.add(component.getName());
        }
        assertEquals(recordFields, schemaFields, "schema of " + type + " drifted from its record");
        for (JsonNode required : schema.at("/properties/data/required")) {
            assertTrue(recordFields.contains(required.asText()), type + " requires unknown field " + required);
        }
    }

    @ParameterizedTest
    @MethodSource("types")
    void everyTypeHasExactlyOneRecordAndSchema(String type) {
        assertNotNull(RECORD_OF_TYPE.get(type), "no record for " + type);
        assertNotNull(getClass().getClassLoader().getResource(EventTypes.schemaResource(type)), "no schema for " + type);
    }

    @org.junit.jupiter.api.Test
    void cloudEventSerializesAsStructuredJsonWithIsoTimeAndNestedAct() throws IOException {
        Act chain = new Act("actor-2", "http://localhost:8080", new Act("actor-1", "http://localhost:8080", null));
        SessionStarted data = new SessionStarted("sid-1", "actor-2", "subject-1", "support-console", "org-1", "Acme",
                "ticket 42", List.of("openid", "profile"), "rule-1", "token_exchange", Instant.parse("2026-11-21T10:00:00Z"),
                Instant.parse("2026-11-21T10:15:00Z"), chain);
        CloudEvent<SessionStarted> event = new CloudEvent<>(CloudEvent.SPEC_VERSION, "e-1", "/actas/token-service",
                EventTypes.SESSION_STARTED, "subject-1", Instant.parse("2026-11-21T10:00:00Z"), CloudEvent.DATA_CONTENT_TYPE,
                CloudEvent.SCHEMA_PREFIX + EventTypes.SESSION_STARTED, data);

        JsonNode json = mapper.readTree(mapper.writeValueAsString(event));

        assertEquals("1.0", json.get("specversion").asText());
        assertEquals("2026-11-21T10:00:00Z", json.get("time").asText());
        assertEquals("actor-1", json.at("/data/act/act/sub").asText());
        assertTrue(json.at("/data/act/act/act").isMissingNode(), "absent prior actor must be omitted, not null");
        JsonNode schema = schema(EventTypes.SESSION_STARTED);
        Set<String> required = new HashSet<>();
        schema.at("/required").forEach(node -> required.add(node.asText()));
        for (String field : required) {
            assertTrue(json.has(field), "envelope lacks " + field);
        }
        schema.at("/properties/data/required")
                .forEach(node -> assertTrue(json.get("data").has(node.asText()), "data lacks " + node.asText()));
    }

    private JsonNode schema(String type) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(EventTypes.schemaResource(type))) {
            assertNotNull(in, "schema missing for " + type);
            return mapper.readTree(in);
        }
    }
}

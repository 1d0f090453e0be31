package io.actas.audit.event;

import java.util.LinkedHashMap;
import java.util.Map;

import io.actas.audit.EventFixtures;

/** Builds ingest API bodies the way a business application fills them from its caller's impersonated token. */
final class IngestRequests {

    private IngestRequests() {
    }

    static Map<String, Object> patchInvoice(EventFixtures imp) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("act", new LinkedHashMap<>(Map.of("sub", imp.actor, "iss", "http://localhost:8080")));
        body.put("sub", imp.subject);
        body.put("imp", new LinkedHashMap<>(Map.of("sid", imp.session, "reason", "ticket 99")));
        body.put("method", "PATCH");
        body.put("path", "/invoices/42");
        body.put("status", 200);
        body.put("outcome", "success");
        body.put("resource", new LinkedHashMap<>(Map.of("type", "invoice", "id", "42")));
        body.put("clientId", imp.client);
        body.put("organizationId", imp.organization);
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        if (value == null) {
            copy.remove(field);
        } else {
            copy.put(field, value);
        }
        return copy;
    }
}

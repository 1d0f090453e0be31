package io.actas.notification.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stands in for org-service ({@code GET /api/v1/users/{id}}, {@code GET /api/v1/organizations/{id}}) and for
 * token-service's token endpoint (client_credentials), on a loopback port of its own. Tests register the users and
 * organizations they need; ids are unique per test, so the maps are shared safely. The end-to-end suite runs the real
 * services.
 */
public class OrgServiceStub implements QuarkusTestResourceLifecycleManager {

    public static final String SERVICE_TOKEN = "stub-service-token";
    private static final String CLIENT_CREDENTIALS = "Basic " + Base64.getEncoder()
            .encodeToString("notification-service:test-notification-secret".getBytes(StandardCharsets.UTF_8));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Map<String, Object>> USERS = new ConcurrentHashMap<>();
    private static final Map<String, Map<String, Object>> ORGANIZATIONS = new ConcurrentHashMap<>();
    private static final AtomicBoolean UNAVAILABLE = new AtomicBoolean();

    private HttpServer server;

    /** An organization; ancestors root first, parent last. */
    public static void organization(String id, String name, String... ancestorIds) {
        Map<String, Object> organization = new ConcurrentHashMap<>(Map.of("id", id, "handle", id, "name", name, "status",
                "active", "ancestorIds", List.of(ancestorIds)));
        if (ancestorIds.length > 0) {
            organization.put("parentId", ancestorIds[ancestorIds.length - 1]);
        }
        ORGANIZATIONS.put(id, organization);
    }

    /** A user; {@code email} may be {@code null}. */
    public static void user(String id, String displayName, String email, String organizationId) {
        Map<String, Object> user = new ConcurrentHashMap<>(Map.of("id", id, "username", id, "displayName", displayName,
                "organizationId", organizationId, "status", "active", "createdAt", "2026-01-01T00:00:00Z"));
        if (email != null) {
            user.put("email", email);
        }
        USERS.put(id, user);
    }

    /** While set, every org-service request answers 503. */
    public static void unavailable(boolean unavailable) {
        UNAVAILABLE.set(unavailable);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/oauth2/token", this::token);
        server.createContext("/api/v1/users/", exchange -> read(exchange, USERS));
        server.createContext("/api/v1/organizations/", exchange -> read(exchange, ORGANIZATIONS));
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("quarkus.rest-client.org-service.url", url, "quarkus.rest-client.token-endpoint.url", url);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        if (!"POST".equals(exchange.getRequestMethod())
                || !CLIENT_CREDENTIALS.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, Map.of("error", "invalid_client"));
            return;
        }
        respond(exchange, 200, Map.of("access_token", SERVICE_TOKEN, "token_type", "Bearer", "expires_in", 300));
    }

    private void read(HttpExchange exchange, Map<String, Map<String, Object>> store) throws IOException {
        if (UNAVAILABLE.get()) {
            respond(exchange, 503, Map.of("title", "Service Unavailable", "status", 503));
            return;
        }
        if (!("Bearer " + SERVICE_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, Map.of("title", "Unauthorized", "status", 401));
            return;
        }
        String path = exchange.getRequestURI().getPath();
        String id = path.substring(path.lastIndexOf('/') + 1);
        Map<String, Object> found = store.get(id);
        if (found == null) {
            respond(exchange, 404, Map.of("title", "Not Found", "status", 404));
        } else {
            respond(exchange, 200, found);
        }
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Every user id the stub knows, for diagnostics. */
    public static List<String> users() {
        return new ArrayList<>(USERS.keySet());
    }
}

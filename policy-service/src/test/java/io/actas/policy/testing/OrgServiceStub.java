package io.actas.policy.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stands in for org-service ({@code GET /api/v1/users/{id}}, {@code /memberships}) and token-service's token endpoint
 * (client_credentials for policy-service) in @QuarkusTests: a small loopback HTTP server. Tests set it up over HTTP
 * ({@code PUT /stub/users/{id}}, {@code PUT /stub/memberships/{id}}, {@code PUT /stub/mode/up|down|slow}) through
 * {@link Directory}, which keeps it independent of class loaders. Users answer only with the service token it issued.
 */
public class OrgServiceStub implements QuarkusTestResourceLifecycleManager {

    static final String SERVICE_TOKEN = "stub-policy-service-token";
    static final String CLIENT_CREDENTIALS = "Basic " + Base64.getEncoder()
            .encodeToString("policy-service:policy-service-test-secret".getBytes(StandardCharsets.UTF_8));

    private final Map<String, String> users = new ConcurrentHashMap<>();
    private final Map<String, String> memberships = new ConcurrentHashMap<>();
    private final AtomicInteger userLookups = new AtomicInteger();
    private volatile String mode = "up";
    private HttpServer server;
    private ExecutorService executor;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("quarkus.rest-client.org-service.url", url, "quarkus.rest-client.token-endpoint.url", url);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String[] parts = path.substring(1).split("/");
        try (exchange) {
            if (path.startsWith("/stub/")) {
                control(exchange, method, parts);
            } else if (method.equals("POST") && path.equals("/oauth2/token")) {
                token(exchange);
            } else if (method.equals("GET") && path.startsWith("/api/v1/users/")) {
                user(exchange, parts);
            } else {
                respond(exchange, 404, "{}");
            }
        }
    }

    private void control(HttpExchange exchange, String method, String[] parts) throws IOException {
        String body = read(exchange.getRequestBody());
        switch (parts[1]) {
            case "users" -> users.put(parts[2], body);
            case "memberships" -> memberships.put(parts[2], body);
            case "mode" -> mode = parts[2];
            case "lookups" -> {
                respond(exchange, 200, Integer.toString(userLookups.get()));
                return;
            }
            default -> {
                respond(exchange, 404, "{}");
                return;
            }
        }
        respond(exchange, method.equals("PUT") ? 204 : 405, null);
    }

    private void token(HttpExchange exchange) throws IOException {
        read(exchange.getRequestBody());
        if (!CLIENT_CREDENTIALS.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        respond(exchange, 200, "{\"access_token\":\"" + SERVICE_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
    }

    private void user(HttpExchange exchange, String[] parts) throws IOException {
        userLookups.incrementAndGet();
        if (mode.equals("down")) {
            respond(exchange, 503, "{}");
            return;
        }
        if (mode.equals("slow")) {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!("Bearer " + SERVICE_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{}");
            return;
        }
        String id = parts[3];
        String body = parts.length > 4 && parts[4].equals("memberships") ? memberships.getOrDefault(id, "[]")
                : users.get(id);
        if (body == null) {
            respond(exchange, 404, "{\"status\":404,\"title\":\"Not Found\"}");
            return;
        }
        respond(exchange, 200, body);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}

package io.actas.token.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * org-service and policy-service as a small in-test Vert.x server speaking their REST contracts (CONTRIBUTING.md), with
 * a fixed directory ({@link Directory}) and organization tree ({@link OrgTree}). Tests switch it to "down" (503) or
 * "hang" (no answer) over HTTP at {@code /_stub/mode/{mode}} and change a user's status at
 * {@code /_stub/users/{id}/status/{status}}.
 * <p>
 * It also fixes the application's test port, so the issuer ({@code actas.issuer}) is the URL the tests reach it at and
 * an unmodified OAuth client library can resolve discovery.
 */
public class StubbedUpstreams implements QuarkusTestResourceLifecycleManager {

    private Vertx vertx;
    private HttpServer server;
    private volatile String mode = "up";
    private volatile String lastAuthorization;
    private final Map<String, String> statuses = new ConcurrentHashMap<>();
    /** Overrides of the impersonation decision's limits ({@code /_stub/policy/{key}/{value}}). */
    private final Map<String, String> policy = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        try {
            server = vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Stub server did not start", e);
        }
        String stub = "http://127.0.0.1:" + server.actualPort();
        int appPort = freePort();
        return Map.of(
                "quarkus.rest-client.org-service.url", stub,
                "quarkus.rest-client.policy-service.url", stub,
                "quarkus.http.test-port", String.valueOf(appPort),
                "actas.issuer", "http://127.0.0.1:" + appPort,
                "stub.upstream.url", stub);
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        if (path.startsWith("/_stub/")) {
            control(request, path.substring("/_stub/".length()).split("/"));
            return;
        }
        if ("hang".equals(mode)) {
            return; // never answer: the caller's time limit must act
        }
        if ("down".equals(mode)) {
            request.response().setStatusCode(503).end();
            return;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ey")) {
            request.response().setStatusCode(401).end();
            return;
        }
        lastAuthorization = authorization;
        request.body().onSuccess(body -> route(request, path, body.length() == 0 ? new JsonObject() : body.toJsonObject()));
    }

    private void route(HttpServerRequest request, String path, JsonObject body) {
        if (OrgTree.answer(request, path)) {
            return;
        }
        if (path.equals("/api/v1/credentials/verify")) {
            Directory.User user = Directory.byUsername(body.getString("username"));
            boolean valid = user != null && user.password().equals(body.getString("password"));
            json(request, 200, valid ? new JsonObject().put("valid", true).put("userId", user.id())
                    .put("organizationId", user.organizationId()) : new JsonObject().put("valid", false));
        } else if (path.equals("/api/v1/decisions/impersonation")) {
            json(request, 200, decide(body));
        } else if (path.equals("/api/v1/users")) {
            Directory.User user = Directory.byUsername(request.getParam("username"));
            JsonArray items = new JsonArray();
            if (user != null && user.organizationId().equals(request.getParam("organizationId"))) {
                items.add(user(user));
            }
            json(request, 200, new JsonObject().put("items", items));
        } else if (path.startsWith("/api/v1/users/")) {
            Directory.User user = Directory.byId(path.substring("/api/v1/users/".length()));
            if (user == null) {
                json(request, 404, new JsonObject().put("status", 404));
                return;
            }
            json(request, 200, user(user));
        } else {
            json(request, 404, new JsonObject().put("status", 404));
        }
    }

    private JsonObject user(Directory.User user) {
        return new JsonObject().put("id", user.id()).put("username", user.username())
                .put("email", user.email()).put("displayName", user.displayName())
                .put("organizationId", user.organizationId())
                .put("status", statuses.getOrDefault(user.id(), user.status()))
                .put("createdAt", "2026-01-01T00:00:00Z");
    }

    /**
     * policy-service's impersonation decision over the fixed directory: its guards (self, subject unknown or inactive,
     * same organization, the impersonation permission — org_impersonation for an organization switch —, the privilege
     * ceiling in the organization impersonated in), then one rule allowing everything else,
     * requiring a reason for {@link Directory#REASON_REQUIRED} subjects and refusing chaining.
     */
    private JsonObject decide(JsonObject question) {
        String actorId = question.getString("actorId");
        String subjectId = question.getString("subjectId");
        Directory.User actor = Directory.byId(actorId);
        Directory.User subject = Directory.byId(subjectId);
        boolean organizationSwitch = question.getBoolean("organizationSwitch", false);
        String organizationId = question.getString("organizationId");
        String denial = null;
        if (actorId.equals(subjectId)) {
            denial = "self_impersonation";
        } else if (actor == null || !"active".equals(statuses.getOrDefault(actor.id(), actor.status()))) {
            denial = "actor_inactive";
        } else if (subject == null) {
            denial = "subject_not_found";
        } else if (!"active".equals(statuses.getOrDefault(subject.id(), subject.status()))) {
            denial = "subject_inactive";
        } else if (!actor.organizationId().equals(subject.organizationId())) {
            denial = "organization_mismatch";
        } else if (!actor.permissions().contains(organizationSwitch ? "org_impersonation" : "impersonation")) {
            denial = "missing_permission";
        } else if (!OrgTree.held(actor, organizationId).containsAll(OrgTree.held(subject, organizationId))) {
            denial = "privilege_ceiling";
        } else if (question.getBoolean("actorTokenHasAct", false)) {
            denial = "chaining_forbidden";
        } else if (Directory.REASON_REQUIRED.contains(subjectId) && question.getString("reason") == null) {
            denial = "reason_required";
        } else if (organizationSwitch && policy.containsKey("deny-switch")) {
            denial = policy.get("deny-switch");
        }
        if (denial != null) {
            return new JsonObject().put("decision", "deny").put("reasonCode", denial).put("grantedScopes", new JsonArray())
                    .put("ruleId", denial.equals("reason_required") || denial.equals("denied_by_rule") ? "rule-support"
                            : null);
        }
        JsonArray requested = question.getJsonArray("requestedScopes", new JsonArray());
        JsonArray granted = new JsonArray();
        OrgTree.held(subject, organizationId).stream().filter(scope -> requested.isEmpty() || requested.contains(scope))
                .filter(scope -> !scope.equals("impersonation") && !scope.equals("org_impersonation"))
                .filter(scope -> !policy.containsKey("grants") || List.of(policy.get("grants").split(",")).contains(scope))
                .forEach(granted::add);
        return new JsonObject().put("decision", "allow").put("reasonCode", "allowed").put("grantedScopes", granted)
                .put("maxSessionSeconds", Integer.parseInt(policy.getOrDefault("max-session", "3600")))
                .put("reasonRequired", Directory.REASON_REQUIRED.contains(subjectId))
                .put("refreshAllowed", Boolean.parseBoolean(policy.getOrDefault("refresh", "true")))
                .put("chainingAllowed", false).put("ruleId", "rule-support");
    }

    private void control(HttpServerRequest request, String[] command) {
        switch (command[0]) {
            case "mode" -> mode = command[1];
            case "policy" -> policy.put(command[1], URLDecoder.decode(command[2], StandardCharsets.UTF_8));
            case "policy-reset" -> policy.clear();
            case "users" -> statuses.put(command[1], command[3]);
            case "last-authorization" -> {
                request.response().end(lastAuthorization == null ? "" : lastAuthorization);
                return;
            }
            default -> {
                request.response().setStatusCode(404).end();
                return;
            }
        }
        request.response().setStatusCode(204).end();
    }

    private static void json(HttpServerRequest request, int status, JsonObject body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

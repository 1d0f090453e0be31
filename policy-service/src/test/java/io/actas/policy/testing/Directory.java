package io.actas.policy.testing;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

/** Puts users into the {@link OrgServiceStub} the way org-service would answer for them. */
public final class Directory {

    private Directory() {
    }

    /** A new active user resident in the organization; returns its id. */
    public static String user(String username, String organizationId) {
        return user(username, organizationId, "active");
    }

    public static String user(String username, String organizationId, String status) {
        String id = "u-" + UUID.randomUUID();
        put("/stub/users/" + id, """
                {"id": "%s", "username": "%s", "email": "%s@example.org", "displayName": "%s",
                 "organizationId": "%s", "status": "%s", "createdAt": "2026-01-01T00:00:00Z", "extra": "ignored"}"""
                .formatted(id, username, username, username, organizationId, status));
        put("/stub/memberships/" + id, """
                [{"organizationId": "%s", "userId": "%s", "type": "resident"}]""".formatted(organizationId, id));
        return id;
    }

    /** Adds invited memberships to the user's resident one. */
    public static void invite(String userId, String residentOrganizationId, List<String> invitedTo) {
        StringBuilder json = new StringBuilder("[{\"organizationId\": \"%s\", \"userId\": \"%s\", \"type\": \"resident\"}"
                .formatted(residentOrganizationId, userId));
        invitedTo.forEach(org -> json.append(", {\"organizationId\": \"%s\", \"userId\": \"%s\", \"type\": \"invited\"}"
                .formatted(org, userId)));
        put("/stub/memberships/" + userId, json.append(']').toString());
    }

    /** {@code up}, {@code down} (503 to every user lookup) or {@code slow} (3 s per answer). */
    public static void mode(String mode) {
        put("/stub/mode/" + mode, "");
    }

    public static int lookups() {
        return Integer.parseInt(given().baseUri(url()).get("/stub/lookups").then().statusCode(200).extract().asString());
    }

    private static void put(String path, String body) {
        given().baseUri(url()).contentType("application/json").body(body).put(path).then().statusCode(204);
    }

    private static String url() {
        return ConfigProvider.getConfig().getValue("quarkus.rest-client.org-service.url", String.class);
    }
}

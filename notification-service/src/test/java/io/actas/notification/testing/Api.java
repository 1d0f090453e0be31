package io.actas.notification.testing;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.actas.support.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** This service's REST API as an administrator calls it, with tokens minted by {@link TestTokens}. */
public final class Api {

    public static final String READ = "notifications:read";
    public static final String WRITE = "notifications:write";

    private Api() {
    }

    public static RequestSpecification as(String... scopes) {
        return given().header("Authorization", TestTokens.bearer(scopes));
    }

    public static void settings(String organizationId, boolean enabled, boolean notifyOnEnd, List<String> contacts) {
        as(WRITE).contentType(ContentType.JSON)
                .body(Map.of("enabled", enabled, "notifyOnEnd", notifyOnEnd, "securityContacts", contacts))
                .put("/api/v1/organizations/{org}/notification-settings", organizationId)
                .then().statusCode(200);
    }

    public static void template(String organizationId, String type, String subject, String htmlBody, String textBody) {
        as(WRITE).contentType(ContentType.JSON)
                .body(Map.of("subject", subject, "htmlBody", htmlBody, "textBody", textBody))
                .put("/api/v1/organizations/{org}/templates/{type}", organizationId, type)
                .then().statusCode(200);
    }

    /** {@code GET /api/v1/notifications/events/{id}}; 404 while the event has not been read from Kafka yet. */
    public static Response event(String eventId) {
        return as(READ).get("/api/v1/notifications/events/{id}", eventId);
    }

    /** The event's status, or {@code null} while it has not been read. */
    public static String eventStatus(String eventId) {
        Response response = event(eventId);
        return response.statusCode() == 200 ? response.jsonPath().getString("status") : null;
    }

    /** The delivery log rows of a session. */
    public static List<Map<String, Object>> deliveries(String sessionId) {
        return as(READ).queryParam("sessionId", sessionId).get("/api/v1/notifications")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }
}

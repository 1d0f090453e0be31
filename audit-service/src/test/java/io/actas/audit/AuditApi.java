package io.actas.audit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.actas.support.testing.TestTokens;
import io.restassured.path.json.JsonPath;

/** The query API as a security team calls it. */
public final class AuditApi {

    public static final String EVENTS = "/api/v1/audit-events";

    private AuditApi() {
    }

    public static String reader() {
        return TestTokens.bearer("audit:read");
    }

    /** Waits until the consumer has stored the event; Kafka delivery is asynchronous. */
    public static JsonPath awaitStored(String id) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().header("Authorization", reader()).get(EVENTS + "/" + id).statusCode() == 200);
        return given().header("Authorization", reader()).get(EVENTS + "/" + id).then().statusCode(200).extract()
                .jsonPath();
    }

    /** The ids of one page of {@code GET /api/v1/audit-events} with these query parameters, in the order returned. */
    public static List<String> ids(Map<String, ?> query) {
        return search(query).getList("items.id");
    }

    public static JsonPath search(Map<String, ?> query) {
        return given().header("Authorization", reader()).queryParams(query).get(EVENTS)
                .then().statusCode(200).extract().jsonPath();
    }
}

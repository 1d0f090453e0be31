package io.actas.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.actas.notification.testing.OrgServiceStub;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(OrgServiceStub.class)
class OpenApiTest {

    @Test
    void documentsEveryEndpointWithItsErrors() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/organizations/{orgId}/notification-settings"))
                .body("paths", hasKey("/api/v1/organizations/{orgId}/templates/{type}"))
                .body("paths", hasKey("/api/v1/notifications"))
                .body("paths", hasKey("/api/v1/notifications/events/{eventId}"))
                .body("paths.'/api/v1/organizations/{orgId}/templates/{type}'.put.responses", hasKey("400"))
                .body("paths.'/api/v1/organizations/{orgId}/notification-settings'.get.responses", hasKey("503"))
                .body("paths.'/api/v1/notifications'.get.responses.'200'.content", notNullValue());
    }

    @Test
    void healthAndMetricsAnswer() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }
}

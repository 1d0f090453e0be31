package io.actas.org;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiTest {

    @Test
    void openApiDescribesEveryEndpointWithItsProblemAnswers() {
        given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200)
                .body("paths", hasKey("/api/v1/organizations"))
                .body("paths", hasKey("/api/v1/organizations/{id}"))
                .body("paths", hasKey("/api/v1/organizations/{id}/children"))
                .body("paths", hasKey("/api/v1/organizations/{id}/members"))
                .body("paths", hasKey("/api/v1/organizations/{id}/members/{userId}"))
                .body("paths", hasKey("/api/v1/users"))
                .body("paths", hasKey("/api/v1/users/{id}"))
                .body("paths", hasKey("/api/v1/users/{id}/memberships"))
                .body("paths", hasKey("/api/v1/credentials/verify"))
                .body("paths.'/api/v1/organizations'.post.responses.'409'.'$ref'",
                        equalTo("#/components/responses/Conflict"))
                .body("paths.'/api/v1/users/{id}'.patch.responses", hasKey("401"))
                .body("paths.'/api/v1/credentials/verify'.post.responses.'403'.'$ref'",
                        equalTo("#/components/responses/Forbidden"))
                .body("components.responses.BadRequest.content", hasKey("application/problem+json"))
                .body("components.schemas", hasKey("OrganizationResponse"))
                .body("components.securitySchemes", hasKey("bearer"));
    }

    @Test
    void swaggerUiHealthAndMetricsAnswer() {
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("# TYPE jvm_memory_used_bytes gauge"))
                .body(containsString("kafka-producer-directory-events"));
    }
}

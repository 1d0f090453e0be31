package io.actas.policy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import org.junit.jupiter.api.Test;

import io.actas.policy.testing.OrgServiceStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(OrgServiceStub.class)
class OpenApiTest {

    @Test
    void openApiDocumentsEveryEndpointWithItsStatuses() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/roles"))
                .body("paths", hasKey("/api/v1/roles/{id}"))
                .body("paths", hasKey("/api/v1/roles/{id}/assignments"))
                .body("paths", hasKey("/api/v1/roles/{id}/assignments/{userId}"))
                .body("paths", hasKey("/api/v1/impersonation-policies"))
                .body("paths", hasKey("/api/v1/impersonation-policies/{id}"))
                .body("paths", hasKey("/api/v1/permissions/effective"))
                .body("paths", hasKey("/api/v1/decisions/impersonation"))
                .body("paths.'/api/v1/decisions/impersonation'.post.responses", hasKey("503"))
                .body("paths.'/api/v1/impersonation-policies'.post.responses", hasKey("400"))
                .body("components.schemas.PolicyRequest.examples[0].effect", equalTo("allow"));
    }

    @Test
    void healthIsUp() {
        given().get("/q/health/ready").then().statusCode(200);
    }
}

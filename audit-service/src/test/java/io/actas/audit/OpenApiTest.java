package io.actas.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiTest {

    @Test
    void openApiDescribesEveryEndpointWithItsStatuses() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/audit-events"))
                .body("paths", hasKey("/api/v1/audit-events/{id}"))
                .body("paths", hasKey("/api/v1/audit-events/export"))
                .body("paths", hasKey("/api/v1/audit-integrity"))
                .body("paths.'/api/v1/audit-events'.post.responses", hasKey("201"))
                .body("paths.'/api/v1/audit-events'.post.responses", hasKey("400"))
                .body("paths.'/api/v1/audit-events'.post.responses", hasKey("409"))
                .body("paths.'/api/v1/audit-events'.get.responses", hasKey("403"))
                .body("paths.'/api/v1/audit-events/{id}'.get.responses", hasKey("404"))
                .body("components.schemas.AuditIngestRequest", notNullValue())
                .body("components.schemas.IntegrityReport", notNullValue());
    }
}

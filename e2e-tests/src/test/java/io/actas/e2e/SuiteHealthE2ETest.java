package io.actas.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every packaged service is up, ready and describes itself. */
class SuiteHealthE2ETest {

    static Stream<Arguments> services() {
        return Suite.SERVICES.entrySet().stream().map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void serviceIsReadyAndPublishesOpenApiAndMetrics(String name, String url) {
        given().baseUri(url).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().baseUri(url).get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().baseUri(url).accept("application/json").get("/q/openapi").then().statusCode(200).body("$", hasKey("paths"));
        given().baseUri(url).get("/q/metrics").then().statusCode(200);
        given().baseUri(url).get("/q/swagger-ui/").then().statusCode(200);
    }
}

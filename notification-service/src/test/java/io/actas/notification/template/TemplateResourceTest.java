package io.actas.notification.template;

import static io.actas.notification.testing.Api.READ;
import static io.actas.notification.testing.Api.WRITE;
import static io.actas.notification.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.actas.notification.testing.Api;
import io.actas.notification.testing.Directory;
import io.actas.notification.testing.OrgServiceStub;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(OrgServiceStub.class)
class TemplateResourceTest {

    private static final String PATH = "/api/v1/organizations/{org}/templates/{type}";

    @Test
    void getWhenNoneSetThenBuiltInWithItsVariables() {
        String org = Directory.organization("Fresh");

        as(READ).get(PATH, org, "session-started").then().statusCode(200)
                .body("source", equalTo("default"))
                .body("type", equalTo("session-started"))
                .body("subject", equalTo("{actorName} is acting as you in {application}"))
                .body("textBody", containsString("{#if reason}"))
                .body("variables", hasItems("subjectName", "actorName", "application", "organization", "startTime",
                        "reason", "sessionId"));
        as(READ).get(PATH, org, "session-ended").then().statusCode(200)
                .body("variables", hasItems("endTime", "endReason"));
    }

    @Test
    void listShowsEveryType() {
        String org = Directory.organization("Fresh");

        as(READ).get("/api/v1/organizations/{org}/templates", org).then().statusCode(200)
                .body("type", hasItems("session-started", "session-ended"));
    }

    @Test
    void putThenGetReturnsOwnTemplate() {
        String org = Directory.organization("Own");

        put(org, "session-started", null, "Hi {subjectName}", "<p>{actorName}</p>", "{actorName}").statusCode(200)
                .body("source", equalTo("own"));

        as(READ).get(PATH, org, "session-started").then().statusCode(200)
                .body("source", equalTo("own"))
                .body("subject", equalTo("Hi {subjectName}"))
                .body("locale", nullValue());
    }

    @Test
    void localeFallsBackFromRegionToLanguageToAny() {
        String parent = Directory.organization("Parent");
        String org = Directory.organization("Child", parent);
        put(org, "session-started", "de", "Hallo {subjectName}", "<p>de</p>", "de").statusCode(200);
        put(org, "session-started", null, "Hello {subjectName}", "<p>any</p>", "any").statusCode(200);

        as(READ).queryParam("locale", "de-CH").get(PATH, org, "session-started").then().statusCode(200)
                .body("locale", equalTo("de")).body("subject", equalTo("Hallo {subjectName}"));
        as(READ).queryParam("locale", "fr").get(PATH, org, "session-started").then().statusCode(200)
                .body("locale", nullValue()).body("subject", equalTo("Hello {subjectName}"));
    }

    @Test
    void childInheritsParentTemplateUntilItHasItsOwn() {
        String parent = Directory.organization("Parent");
        String child = Directory.organization("Child", parent);
        Api.template(parent, "session-started", "Parent {actorName}", "<p>p</p>", "p");

        as(READ).get(PATH, child, "session-started").then().statusCode(200)
                .body("source", equalTo("inherited")).body("inheritedFrom", equalTo(parent));

        Api.template(child, "session-started", "Child {actorName}", "<p>c</p>", "c");
        as(READ).get(PATH, child, "session-started").then().statusCode(200)
                .body("source", equalTo("own")).body("subject", equalTo("Child {actorName}"));

        as(WRITE).delete(PATH, child, "session-started").then().statusCode(204);
        as(READ).get(PATH, child, "session-started").then().statusCode(200).body("source", equalTo("inherited"));
    }

    @Test
    void unknownVariableThenBadRequestNamingIt() {
        String org = Directory.organization("Strict");

        put(org, "session-started", null, "Hi {firstName}", "<p>x</p>", "x").statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("unknown variable 'firstName'"))
                .body("detail", containsString("subject"));
    }

    @Test
    void endVariablesOnlyInSessionEndedTemplates() {
        String org = Directory.organization("Strict");

        put(org, "session-started", null, "Ended {endTime}", "<p>x</p>", "x").statusCode(400);
        put(org, "session-ended", null, "Ended {endTime}", "<p>x</p>", "x").statusCode(200);
    }

    @Test
    void unparsableTemplateThenBadRequest() {
        String org = Directory.organization("Strict");

        put(org, "session-started", null, "Hi", "<p>{#if reason}unclosed</p>", "x").statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("htmlBody template does not parse"));
    }

    @Test
    void unknownPropertyOfAVariableThenBadRequest() {
        String org = Directory.organization("Strict");

        put(org, "session-started", null, "Hi", "<p>x</p>", "{actorName.password}").statusCode(400)
                .body("detail", containsString("textBody template does not render"));
    }

    @Test
    void namespacesAreRefused() {
        String org = Directory.organization("Strict");

        put(org, "session-started", null, "Hi", "<p>x</p>", "{config:quarkus.datasource.password}").statusCode(400)
                .body("detail", containsString("namespaces are not available"));
    }

    @Test
    void unknownTypeThenNotFound() {
        String org = Directory.organization("Strict");

        as(READ).get(PATH, org, "password-reset").then().statusCode(404).contentType("application/problem+json");
        put(org, "password-reset", null, "Hi", "<p>x</p>", "x").statusCode(404);
    }

    @Test
    void invalidLocaleThenBadRequest() {
        String org = Directory.organization("Strict");

        as(READ).queryParam("locale", "not a locale!").get(PATH, org, "session-started").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void missingPartThenBadRequest() {
        String org = Directory.organization("Strict");

        as(WRITE).contentType(ContentType.JSON).body(Map.of("subject", "Hi", "htmlBody", "<p>x</p>"))
                .put(PATH, org, "session-started").then().statusCode(400)
                .body("violations[0].field", equalTo("textBody"));
    }

    @Test
    void readScopeCannotWrite() {
        String org = Directory.organization("Guarded");

        as(READ).contentType(ContentType.JSON).body(Map.of("subject", "a", "htmlBody", "b", "textBody", "c"))
                .put(PATH, org, "session-started").then().statusCode(403);
    }

    private static ValidatableResponse put(String org, String type, String locale, String subject, String html, String text) {
        var request = as(WRITE).contentType(ContentType.JSON)
                .body(Map.of("subject", subject, "htmlBody", html, "textBody", text));
        if (locale != null) {
            request.queryParam("locale", locale);
        }
        return request.put(PATH, org, type).then();
    }
}

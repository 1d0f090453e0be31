package io.actas.notification.settings;

import static io.actas.notification.testing.Api.READ;
import static io.actas.notification.testing.Api.WRITE;
import static io.actas.notification.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.actas.notification.testing.Api;
import io.actas.notification.testing.Directory;
import io.actas.notification.testing.OrgServiceStub;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(OrgServiceStub.class)
class NotificationSettingsResourceTest {

    private static final String PATH = "/api/v1/organizations/{org}/notification-settings";

    @Test
    void getWhenNothingSetThenDefaults() {
        String org = Directory.organization("Fresh");

        as(READ).get(PATH, org).then().statusCode(200)
                .body("organizationId", equalTo(org))
                .body("enabled", equalTo(true))
                .body("notifyOnEnd", equalTo(false))
                .body("securityContacts", empty())
                .body("source", equalTo("default"))
                .body("inheritedFrom", nullValue());
    }

    @Test
    void putThenGetReturnsOwnSettings() {
        String org = Directory.organization("Own");

        as(WRITE).contentType(ContentType.JSON)
                .body(Map.of("enabled", true, "notifyOnEnd", true,
                        "securityContacts", List.of("soc@example.test", "SOC@example.test", "ciso@example.test")))
                .put(PATH, org).then().statusCode(200)
                .body("source", equalTo("own"))
                .body("securityContacts", contains("soc@example.test", "ciso@example.test"));

        as(READ).get(PATH, org).then().statusCode(200)
                .body("enabled", equalTo(true))
                .body("notifyOnEnd", equalTo(true))
                .body("source", equalTo("own"))
                .body("updatedAt", notNullValue());
    }

    @Test
    void childWithoutOwnSettingsInheritsNearestAncestor() {
        String root = Directory.organization("Root");
        String parent = Directory.organization("Parent", root);
        String child = Directory.organization("Child", root, parent);
        Api.settings(root, true, false, List.of("root-soc@example.test"));
        Api.settings(parent, false, true, List.of());

        as(READ).get(PATH, child).then().statusCode(200)
                .body("enabled", equalTo(false))
                .body("notifyOnEnd", equalTo(true))
                .body("source", equalTo("inherited"))
                .body("inheritedFrom", equalTo(parent));
    }

    @Test
    void deleteOwnSettingsThenInheritsAgain() {
        String parent = Directory.organization("Parent");
        String child = Directory.organization("Child", parent);
        Api.settings(parent, false, false, List.of());
        Api.settings(child, true, false, List.of());

        as(WRITE).delete(PATH, child).then().statusCode(204);

        as(READ).get(PATH, child).then().statusCode(200)
                .body("enabled", equalTo(false))
                .body("source", equalTo("inherited"));
        as(WRITE).delete(PATH, child).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void putWhenContactIsNotAnAddressThenBadRequest() {
        String org = Directory.organization("Invalid");

        as(WRITE).contentType(ContentType.JSON)
                .body(Map.of("enabled", true, "securityContacts", List.of("not an address")))
                .put(PATH, org).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", containsString("securityContacts"));
    }

    @Test
    void putWhenEnabledMissingThenBadRequest() {
        String org = Directory.organization("Invalid");

        as(WRITE).contentType(ContentType.JSON).body(Map.of("notifyOnEnd", true))
                .put(PATH, org).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("enabled"));
    }

    @Test
    void putWhenBodyIsNotJsonThenBadRequest() {
        String org = Directory.organization("Invalid");

        as(WRITE).contentType(ContentType.JSON).body("{\"enabled\": ")
                .put(PATH, org).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void unknownOrganizationThenNotFound() {
        as(READ).get(PATH, "org-does-not-exist").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("Organization org-does-not-exist does not exist"));
    }

    @Test
    void orgServiceDownThenServiceUnavailable() {
        String org = Directory.organization("Somewhere");
        OrgServiceStub.unavailable(true);
        try {
            as(READ).get(PATH, org).then().statusCode(503)
                    .contentType("application/problem+json");
        } finally {
            OrgServiceStub.unavailable(false);
        }
    }

    @Test
    void withoutTokenThenUnauthorized() {
        given().get(PATH, "any").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void readScopeCannotWrite() {
        String org = Directory.organization("Guarded");

        as(READ).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .put(PATH, org).then().statusCode(403).contentType("application/problem+json");
        as("orgs:read").get(PATH, org).then().statusCode(403);
    }
}

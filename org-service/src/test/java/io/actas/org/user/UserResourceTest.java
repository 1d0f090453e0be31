package io.actas.org.user;

import static io.actas.org.Fixtures.organization;
import static io.actas.org.Fixtures.reader;
import static io.actas.org.Fixtures.rootId;
import static io.actas.org.Fixtures.user;
import static io.actas.org.Fixtures.writer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.actas.events.EventTypes;
import io.actas.events.Topics;
import io.actas.org.Events;
import io.actas.org.Fixtures;
import io.actas.org.Rows;
import io.actas.support.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class UserResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void createUserThenReadShowsContractShapeAndRowsHoldHashAndResidence() {
        String org = organization().under(rootId()).createId();
        Fixtures.UserBody alice = user().in(org).username("Alice-" + UUID.randomUUID().toString().substring(0, 8));

        JsonPath created = alice.create();

        String id = created.getString("id");
        String username = alice.username().toLowerCase();
        given().header("Authorization", reader()).get("/api/v1/users/{id}", id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("username", equalTo(username))
                .body("email", equalTo(alice.body().get("email")))
                .body("displayName", equalTo(alice.body().get("displayName")))
                .body("organizationId", equalTo(org))
                .body("status", equalTo("active"))
                .body("createdAt", notNullValue())
                .body("$", not(hasKey("password")))
                .body("$", not(hasKey("passwordHash")));
        Rows rows = new Rows(dataSource);
        Map<String, Object> row = rows.one("select * from users where id = ?", id);
        assertThat(row.get("username"), equalTo(username));
        assertThat((String) row.get("password_hash"), startsWith("$2"));
        assertThat(row.get("failed_attempts"), equalTo(0));
        Map<String, Object> membership = rows.one("select organization_id, type from memberships where user_id = ?", id);
        assertThat(membership.get("organization_id").toString(), equalTo(org));
        assertThat(membership.get("type"), equalTo("RESIDENT"));
    }

    @Test
    void createWhenUsernameTakenInAnyCaseThenConflict() {
        String root = rootId();
        String username = user().in(root).create().getString("username");

        given().header("Authorization", writer()).contentType(ContentType.JSON)
                .body(user().in(organization().under(root).createId()).username(username.toUpperCase()).body())
                .post("/api/v1/users")
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString(username));
    }

    @Test
    void createSameUsernameConcurrentlyThenOneCreatedAndTheOthersConflict() throws Exception {
        Map<String, Object> body = user().in(rootId()).body();
        String token = writer();
        List<CompletableFuture<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            requests.add(CompletableFuture.supplyAsync(() -> given().header("Authorization", token)
                    .contentType(ContentType.JSON).body(body).post("/api/v1/users").statusCode()));
        }

        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> request : requests) {
            statuses.add(request.get());
        }

        assertThat(statuses, containsInAnyOrder(201, 409, 409, 409));
        assertThat(new Rows(dataSource).count("select count(*) from users where username = ?", body.get("username")),
                equalTo(1L));
    }

    @Test
    void createWhenOrganizationUnknownThenNotFound() {
        given().header("Authorization", writer()).contentType(ContentType.JSON)
                .body(user().in(UUID.randomUUID().toString()).body())
                .post("/api/v1/users")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void createWhenFieldsInvalidThenBadRequestNamingEachField() {
        Map<String, Object> body = user().in(rootId()).username(" bad name").password("short").body();
        body.put("email", "not-an-address");

        given().header("Authorization", writer()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/users")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", contains("email", "password", "username"));
    }

    @Test
    void createWhenPasswordLongerThanBcryptReadsThenBadRequest() {
        // 30 characters of 3 bytes each: 90 bytes, within the 72-character limit but beyond bcrypt's 72 bytes
        given().header("Authorization", writer()).contentType(ContentType.JSON)
                .body(user().in(rootId()).password("€".repeat(30)).body())
                .post("/api/v1/users")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("72 bytes"));
    }

    @Test
    void listFiltersByResidentOrganizationStatusAndUsernameAndPages() {
        String org = organization().under(rootId()).createId();
        String first = user().in(org).createId();
        String second = user().in(org).createId();
        String disabled = user().in(org).status("disabled").createId();

        JsonPath page1 = given().header("Authorization", reader()).queryParam("organizationId", org).queryParam("limit", 2)
                .get("/api/v1/users").then().statusCode(200).extract().jsonPath();
        assertThat(page1.getList("items.id"), contains(first, second));
        given().header("Authorization", reader()).queryParam("organizationId", org).queryParam("limit", 2)
                .queryParam("cursor", page1.getString("nextCursor"))
                .get("/api/v1/users").then().statusCode(200)
                .body("items.id", contains(disabled))
                .body("nextCursor", nullValue());
        given().header("Authorization", reader()).queryParam("organizationId", org).queryParam("status", "disabled")
                .get("/api/v1/users").then().statusCode(200).body("items.id", contains(disabled));
        String username = given().header("Authorization", reader()).get("/api/v1/users/{id}", second)
                .then().extract().path("username");
        given().header("Authorization", reader()).queryParam("username", username.toUpperCase())
                .get("/api/v1/users").then().statusCode(200).body("items.id", contains(second));
    }

    @Test
    void listWhenFiltersMalformedThenBadRequest() {
        given().header("Authorization", reader()).queryParam("organizationId", "nope").get("/api/v1/users")
                .then().statusCode(400).contentType(PROBLEM);
        given().header("Authorization", reader()).queryParam("status", "sleeping").get("/api/v1/users")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("status"));
    }

    @Test
    void getWhenUnknownThenNotFound() {
        given().header("Authorization", reader()).get("/api/v1/users/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void disableUserEmitsStatusChangedOnDirectoryEventsKeyedByUser() {
        String org = organization().under(rootId()).createId();
        String id = user().in(org).createId();

        given().header("Authorization", writer()).contentType(ContentType.JSON).body(Map.of("status", "disabled"))
                .patch("/api/v1/users/{id}", id)
                .then().statusCode(200).body("status", equalTo("disabled"));

        List<Events.Event> events = Events.await(Topics.DIRECTORY_EVENTS, 1, Events.dataField("userId", id));
        Events.Event event = events.get(0);
        assertThat(event.key(), equalTo(id));
        assertThat(event.event().path("type").asText(), equalTo(EventTypes.USER_STATUS_CHANGED));
        assertThat(event.event().path("source").asText(), equalTo("/actas/org-service"));
        assertThat(event.event().path("subject").asText(), equalTo(id));
        assertThat(event.data().path("organizationId").asText(), equalTo(org));
        assertThat(event.data().path("previousStatus").asText(), equalTo("active"));
        assertThat(event.data().path("status").asText(), equalTo("disabled"));
        assertThat(new Rows(dataSource).one("select status from users where id = ?", id).get("status"),
                equalTo("DISABLED"));
    }

    @Test
    void updateWithoutStatusChangeEmitsNoDirectoryEvent() {
        String id = user().in(rootId()).createId();

        given().header("Authorization", writer()).contentType(ContentType.JSON)
                .body(Map.of("displayName", "Renamed", "status", "active"))
                .patch("/api/v1/users/{id}", id)
                .then().statusCode(200).body("displayName", equalTo("Renamed"));
        given().header("Authorization", writer()).contentType(ContentType.JSON).body(Map.of("status", "locked"))
                .patch("/api/v1/users/{id}", id)
                .then().statusCode(200);

        // only the second request changed the status
        List<Events.Event> events = Events.awaitExactly(Topics.DIRECTORY_EVENTS, 1, Events.dataField("userId", id),
                Duration.ofSeconds(2));
        assertThat(events.get(0).data().path("status").asText(), equalTo("locked"));
    }

    @Test
    void patchByImpersonatedCallerIsAuditedWithActor() {
        String id = user().in(rootId()).createId();
        String actor = UUID.randomUUID().toString();
        String token = TestTokens.token().subject("subject-user").scopes("orgs:write")
                .impersonatedBy(actor, UUID.randomUUID().toString()).bearer();

        given().header("Authorization", token).contentType(ContentType.JSON).body(Map.of("displayName", "Changed"))
                .patch("/api/v1/users/{id}", id)
                .then().statusCode(200);

        Events.Event event = Events.await(Topics.AUDIT_EVENTS, 1,
                Events.type(EventTypes.RESOURCE_MODIFIED).and(Events.dataField("resourceId", id))).get(0);
        assertThat(event.data().path("resourceType").asText(), equalTo("users"));
        assertThat(event.data().path("act").path("sub").asText(), equalTo(actor));
    }

    @Test
    void writesNeedWriteScope() {
        given().header("Authorization", reader()).contentType(ContentType.JSON).body(user().in(rootId()).body())
                .post("/api/v1/users")
                .then().statusCode(403).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(Map.of("status", "disabled"))
                .patch("/api/v1/users/{id}", UUID.randomUUID())
                .then().statusCode(401).contentType(PROBLEM);
    }
}

package io.actas.org.organization;

import static io.actas.org.Fixtures.organization;
import static io.actas.org.Fixtures.reader;
import static io.actas.org.Fixtures.rootId;
import static io.actas.org.Fixtures.writer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

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
import io.actas.org.Rows;
import io.actas.support.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class OrganizationResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void createChildThenReadShowsAncestorsRootFirstAndRowIsStored() {
        String root = rootId();
        String child = organization().under(root).createId();
        var grandchild = organization().under(child).name("  Grandchild  ");

        JsonPath created = grandchild.create();

        String id = created.getString("id");
        assertThat(created.getString("parentId"), equalTo(child));
        assertThat(created.getList("ancestorIds"), contains(root, child));
        assertThat(created.getString("status"), equalTo("active"));
        assertThat(created.getString("name"), equalTo("Grandchild"));
        given().header("Authorization", reader()).get("/api/v1/organizations/{id}", id)
                .then().statusCode(200)
                .body("handle", equalTo(grandchild.body().get("handle")))
                .body("ancestorIds", contains(root, child))
                .body("createdAt", equalTo(created.getString("createdAt")));
        Map<String, Object> row = new Rows(dataSource).one("select * from organizations where id = ?", id);
        assertThat(row.get("handle"), equalTo(grandchild.body().get("handle")));
        assertThat(row.get("parent_id").toString(), equalTo(child));
        assertThat(row.get("path"), equalTo("/" + root + "/" + child + "/" + id + "/"));
        assertThat(row.get("status"), equalTo("ACTIVE"));
    }

    @Test
    void readRootShowsNoParentAndNoAncestors() {
        given().header("Authorization", reader()).get("/api/v1/organizations/{id}", rootId())
                .then().statusCode(200)
                .body("handle", equalTo("root"))
                .body("parentId", nullValue())
                .body("ancestorIds", empty());
    }

    @Test
    void createWhenHandleTakenThenConflict() {
        String root = rootId();
        String handle = organization().under(root).create().getString("handle");

        given().header("Authorization", writer()).contentType(ContentType.JSON)
                .body(organization().under(root).handle(handle).body())
                .post("/api/v1/organizations")
                .then().statusCode(409).contentType(PROBLEM)
                .body("status", equalTo(409))
                .body("detail", containsString(handle));
        assertThat(new Rows(dataSource).count("select count(*) from organizations where handle = ?", handle), equalTo(1L));
    }

    @Test
    void createSameHandleConcurrentlyThenOneCreatedAndTheOthersConflict() throws Exception {
        Map<String, Object> body = organization().under(rootId()).body();
        String token = writer();
        List<CompletableFuture<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            requests.add(CompletableFuture.supplyAsync(() -> given().header("Authorization", token)
                    .contentType(ContentType.JSON).body(body).post("/api/v1/organizations").statusCode()));
        }

        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> request : requests) {
            statuses.add(request.get());
        }

        assertThat(statuses, containsInAnyOrder(201, 409, 409, 409));
    }

    @Test
    void createWhenHandleInvalidThenBadRequestNamingTheField() {
        given().header("Authorization", writer()).contentType(ContentType.JSON)
                .body(organization().under(rootId()).handle("Not_Valid").body())
                .post("/api/v1/organizations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("handle"));
    }

    @Test
    void createWhenParentMissingThenBadRequest() {
        given().header("Authorization", writer()).contentType(ContentType.JSON)
                .body(organization().body())
                .post("/api/v1/organizations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("parentId"));
    }

    @Test
    void createWhenParentUnknownThenNotFound() {
        given().header("Authorization", writer()).contentType(ContentType.JSON)
                .body(organization().under(UUID.randomUUID().toString()).body())
                .post("/api/v1/organizations")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void createWhenBodyIsMalformedJsonThenBadRequestProblem() {
        given().header("Authorization", writer()).contentType(ContentType.JSON)
                .body("{\"handle\": \"abc\", ")
                .post("/api/v1/organizations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("title", equalTo("Bad Request"));
    }

    @Test
    void createWhenParentIdIsNotUuidThenBadRequestNamingTheField() {
        given().header("Authorization", writer()).contentType(ContentType.JSON)
                .body(organization().under("not-a-uuid").body())
                .post("/api/v1/organizations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("parentId"));
    }

    @Test
    void getWhenUnknownOrMalformedIdThenNotFound() {
        given().header("Authorization", reader()).get("/api/v1/organizations/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM);
        given().header("Authorization", reader()).get("/api/v1/organizations/{id}", "nope")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void childrenArePagedWithAnOpaqueCursorInCreationOrder() {
        String parent = organization().under(rootId()).createId();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(organization().under(parent).createId());
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().header("Authorization", reader()).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/organizations/{id}/children", parent).then().statusCode(200).extract()
                    .jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);

        assertThat(seen, equalTo(created));
        assertThat(pages, equalTo(3));
    }

    @Test
    void listFiltersByParentAndStatus() {
        String parent = organization().under(rootId()).createId();
        String active = organization().under(parent).createId();
        String disabled = organization().under(parent).createId();
        given().header("Authorization", writer()).contentType(ContentType.JSON).body(Map.of("status", "disabled"))
                .patch("/api/v1/organizations/{id}", disabled).then().statusCode(200);

        given().header("Authorization", reader()).queryParam("parentId", parent).queryParam("status", "disabled")
                .get("/api/v1/organizations")
                .then().statusCode(200)
                .body("items.id", contains(disabled))
                .body("nextCursor", nullValue());
        given().header("Authorization", reader()).queryParam("parentId", parent)
                .get("/api/v1/organizations")
                .then().statusCode(200)
                .body("items.id", contains(active, disabled));
    }

    @Test
    void listWhenLimitOutOfRangeOrCursorForgedOrFilterInvalidThenBadRequest() {
        given().header("Authorization", reader()).queryParam("limit", 201).get("/api/v1/organizations")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("limit"));
        given().header("Authorization", reader()).queryParam("limit", 0).get("/api/v1/organizations")
                .then().statusCode(400).contentType(PROBLEM);
        given().header("Authorization", reader()).queryParam("cursor", "forged").get("/api/v1/organizations")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("cursor"));
        given().header("Authorization", reader()).queryParam("status", "gone").get("/api/v1/organizations")
                .then().statusCode(400).contentType(PROBLEM);
        given().header("Authorization", reader()).queryParam("parentId", "x").get("/api/v1/organizations")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("parentId"));
    }

    @Test
    void updateRenamesAndDisablesAndKeepsHandle() {
        JsonPath created = organization().under(rootId()).create();
        String id = created.getString("id");

        given().header("Authorization", writer()).contentType(ContentType.JSON)
                .body(Map.of("name", "Renamed", "status", "disabled"))
                .patch("/api/v1/organizations/{id}", id)
                .then().statusCode(200)
                .body("name", equalTo("Renamed"))
                .body("status", equalTo("disabled"))
                .body("handle", equalTo(created.getString("handle")));
        Map<String, Object> row = new Rows(dataSource).one("select name, status from organizations where id = ?", id);
        assertThat(row, allOf(hasEntry("name", (Object) "Renamed"), hasEntry("status", (Object) "DISABLED")));
    }

    @Test
    void updateWhenDisablingRootThenConflict() {
        given().header("Authorization", writer()).contentType(ContentType.JSON).body(Map.of("status", "disabled"))
                .patch("/api/v1/organizations/{id}", rootId())
                .then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void updateWhenStatusUnknownThenBadRequest() {
        String id = organization().under(rootId()).createId();
        given().header("Authorization", writer()).contentType(ContentType.JSON).body(Map.of("status", "archived"))
                .patch("/api/v1/organizations/{id}", id)
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("status"));
    }

    @Test
    void withoutTokenThenUnauthorizedProblem() {
        given().get("/api/v1/organizations")
                .then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", "Bearer");
        given().contentType(ContentType.JSON).body(organization().under(rootId()).body()).post("/api/v1/organizations")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void withReadScopeOnlyThenWritesAreForbidden() {
        given().header("Authorization", reader()).contentType(ContentType.JSON)
                .body(organization().under(rootId()).body())
                .post("/api/v1/organizations")
                .then().statusCode(403).contentType(PROBLEM).body("status", equalTo(403));
        given().header("Authorization", TestTokens.bearer("policies:read")).get("/api/v1/organizations")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void createEmitsResourceCreatedOnAuditEvents() {
        String id = organization().under(rootId()).createId();

        Events.Event event = Events.await(Topics.AUDIT_EVENTS, 1, Events.dataField("resourceId", id)).get(0);

        assertThat(event.event().path("type").asText(), equalTo(EventTypes.RESOURCE_CREATED));
        assertThat(event.data().path("service").asText(), equalTo("org-service"));
        assertThat(event.data().path("resourceType").asText(), equalTo("organizations"));
        assertThat(event.data().path("outcome").asText(), equalTo("success"));
        assertThat(event.data().path("principal").asText(), equalTo("test-admin"));
        assertThat(event.data().has("act"), equalTo(false));
    }

    @Test
    void createWithImpersonatedTokenRecordsTheActorOnAuditEvents() {
        String actor = UUID.randomUUID().toString();
        String session = UUID.randomUUID().toString();
        String token = TestTokens.token().subject("subject-user").scopes("orgs:write").impersonatedBy(actor, session)
                .bearer();

        String id = given().header("Authorization", token).contentType(ContentType.JSON)
                .body(organization().under(rootId()).body())
                .post("/api/v1/organizations")
                .then().statusCode(201).extract().jsonPath().getString("id");

        Events.Event event = Events.await(Topics.AUDIT_EVENTS, 1, Events.dataField("resourceId", id)).get(0);
        assertThat(event.data().path("principal").asText(), equalTo("subject-user"));
        assertThat(event.data().path("act").path("sub").asText(), equalTo(actor));
        assertThat(event.data().path("sessionId").asText(), equalTo(session));
    }
}

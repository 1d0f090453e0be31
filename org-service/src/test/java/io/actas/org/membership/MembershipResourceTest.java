package io.actas.org.membership;

import static io.actas.org.Fixtures.invite;
import static io.actas.org.Fixtures.organization;
import static io.actas.org.Fixtures.reader;
import static io.actas.org.Fixtures.rootId;
import static io.actas.org.Fixtures.user;
import static io.actas.org.Fixtures.writer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.actas.events.EventTypes;
import io.actas.events.Topics;
import io.actas.org.Events;
import io.actas.org.Rows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class MembershipResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void inviteFromAncestorIntoDescendantThenListedOnBothSides() {
        String parent = organization().under(rootId()).createId();
        String child = organization().under(parent).createId();
        String grandchild = organization().under(child).createId();
        String resident = user().in(child).createId();
        String guest = user().in(parent).createId();

        JsonPath invited = invite(grandchild, guest);

        assertThat(invited.getString("organizationId"), equalTo(grandchild));
        assertThat(invited.getString("userId"), equalTo(guest));
        assertThat(invited.getString("type"), equalTo("invited"));
        given().header("Authorization", reader()).get("/api/v1/users/{id}/memberships", guest)
                .then().statusCode(200)
                .body("organizationId", contains(parent, grandchild))
                .body("type", contains("resident", "invited"))
                .body("userId", contains(guest, guest));
        invite(child, guest);
        given().header("Authorization", reader()).get("/api/v1/organizations/{id}/members", child)
                .then().statusCode(200)
                .body("items.userId", contains(resident, guest))
                .body("items.type", contains("resident", "invited"));
        given().header("Authorization", reader()).queryParam("type", "invited")
                .get("/api/v1/organizations/{id}/members", child)
                .then().statusCode(200).body("items.userId", contains(guest));
        Map<String, Object> row = new Rows(dataSource)
                .one("select type from memberships where user_id = ? and organization_id = ?", guest, grandchild);
        assertThat(row.get("type"), equalTo("INVITED"));
    }

    @Test
    void inviteIsAuditedAsCreated() {
        String parent = organization().under(rootId()).createId();
        String child = organization().under(parent).createId();
        String guest = user().in(parent).createId();

        invite(child, guest);

        String path = "/api/v1/organizations/" + child + "/members";
        Events.Event event = Events.await(Topics.AUDIT_EVENTS, 1, Events.dataField("path", path)).get(0);
        assertThat(event.event().path("type").asText(), equalTo(EventTypes.RESOURCE_CREATED));
        assertThat(event.data().path("resourceId").asText(), equalTo(guest));
        assertThat(event.data().path("status").asInt(), equalTo(201));
    }

    @Test
    void inviteSidewaysUpOrIntoOwnOrganizationThenBadRequest() {
        String parent = organization().under(rootId()).createId();
        String left = organization().under(parent).createId();
        String right = organization().under(parent).createId();
        String leftUser = user().in(left).createId();

        for (String target : new String[] { right, parent, left }) {
            given().header("Authorization", writer()).contentType(ContentType.JSON).body(Map.of("userId", leftUser))
                    .post("/api/v1/organizations/{id}/members", target)
                    .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("ancestor"));
        }
        assertThat(new Rows(dataSource).count("select count(*) from memberships where user_id = ?", leftUser),
                equalTo(1L));
    }

    @Test
    void inviteTwiceThenConflict() {
        String parent = organization().under(rootId()).createId();
        String child = organization().under(parent).createId();
        String guest = user().in(parent).createId();
        invite(child, guest);

        given().header("Authorization", writer()).contentType(ContentType.JSON).body(Map.of("userId", guest))
                .post("/api/v1/organizations/{id}/members", child)
                .then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void inviteUnknownUserOrIntoUnknownOrganizationThenNotFound() {
        String org = organization().under(rootId()).createId();
        given().header("Authorization", writer()).contentType(ContentType.JSON)
                .body(Map.of("userId", UUID.randomUUID().toString()))
                .post("/api/v1/organizations/{id}/members", org)
                .then().statusCode(404).contentType(PROBLEM);
        given().header("Authorization", writer()).contentType(ContentType.JSON)
                .body(Map.of("userId", user().in(rootId()).createId()))
                .post("/api/v1/organizations/{id}/members", UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void removeInvitationThenGoneAndResidenceCannotBeRemoved() {
        String parent = organization().under(rootId()).createId();
        String child = organization().under(parent).createId();
        String guest = user().in(parent).createId();
        invite(child, guest);

        given().header("Authorization", writer()).delete("/api/v1/organizations/{id}/members/{userId}", child, guest)
                .then().statusCode(204);
        given().header("Authorization", reader()).get("/api/v1/users/{id}/memberships", guest)
                .then().statusCode(200).body("$", hasSize(1)).body("[0].type", equalTo("resident"));
        given().header("Authorization", writer()).delete("/api/v1/organizations/{id}/members/{userId}", child, guest)
                .then().statusCode(404).contentType(PROBLEM);
        given().header("Authorization", writer()).delete("/api/v1/organizations/{id}/members/{userId}", parent, guest)
                .then().statusCode(409).contentType(PROBLEM);
        assertThat(new Rows(dataSource).count("select count(*) from memberships where user_id = ?", guest), equalTo(1L));
    }

    @Test
    void membersArePagedByUser() {
        String org = organization().under(rootId()).createId();
        String first = user().in(org).createId();
        String second = user().in(org).createId();
        String third = user().in(org).createId();

        JsonPath page = given().header("Authorization", reader()).queryParam("limit", 2)
                .get("/api/v1/organizations/{id}/members", org).then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.userId"), contains(first, second));
        given().header("Authorization", reader()).queryParam("limit", 2).queryParam("cursor", page.getString("nextCursor"))
                .get("/api/v1/organizations/{id}/members", org)
                .then().statusCode(200).body("items.userId", contains(third));
    }

    @Test
    void membershipsOfUnknownUserThenNotFound() {
        given().header("Authorization", reader()).get("/api/v1/users/{id}/memberships", UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM);
    }
}

package io.actas.org.credential;

import static io.actas.org.Fixtures.PASSWORD;
import static io.actas.org.Fixtures.organization;
import static io.actas.org.Fixtures.reader;
import static io.actas.org.Fixtures.rootId;
import static io.actas.org.Fixtures.user;
import static io.actas.org.Fixtures.writer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.actas.events.Topics;
import io.actas.org.Events;
import io.actas.org.Fixtures;
import io.actas.org.Rows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class CredentialResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void verifyWithRightPasswordThenValidWithUserAndResidentOrganization() {
        String org = organization().under(rootId()).createId();
        Fixtures.UserBody alice = user().in(org);
        String id = alice.createId();

        verify(alice.username().toUpperCase(), PASSWORD)
                .body("valid", equalTo(true))
                .body("userId", equalTo(id))
                .body("organizationId", equalTo(org));
    }

    @Test
    void verifyWithWrongPasswordThenOnlyValidFalseAndCounted() {
        Fixtures.UserBody bob = user().in(rootId());
        String id = bob.createId();

        verify(bob.username(), "wrong password").body("$", aMapWithSize(1)).body("valid", equalTo(false));

        assertThat(failedAttempts(id), equalTo(1));
    }

    @Test
    void verifyUnknownUserThenSameAnswerAsWrongPassword() {
        verify(Fixtures.unique("nobody"), PASSWORD).body("$", aMapWithSize(1)).body("valid", equalTo(false));
    }

    @Test
    void verifyUserWithoutPasswordThenInvalid() {
        Map<String, Object> body = user().in(rootId()).body();
        body.remove("password");
        given().header("Authorization", writer()).contentType(ContentType.JSON).body(body).post("/api/v1/users")
                .then().statusCode(201);

        verify((String) body.get("username"), "").body("valid", equalTo(false));
    }

    @Test
    void fiveConsecutiveFailuresLockTheUserAnnounceItAndTheRightPasswordNoLongerWorks() {
        Fixtures.UserBody carol = user().in(rootId());
        String id = carol.createId();

        for (int attempt = 1; attempt <= 5; attempt++) {
            verify(carol.username(), "guess " + attempt).body("valid", equalTo(false));
        }
        verify(carol.username(), PASSWORD).body("valid", equalTo(false));
        verify(carol.username(), "guess 6").body("valid", equalTo(false));

        Map<String, Object> row = new Rows(dataSource).one("select status, failed_attempts from users where id = ?", id);
        assertThat(row.get("status"), equalTo("LOCKED"));
        assertThat(row.get("failed_attempts"), equalTo(5));
        given().header("Authorization", reader()).get("/api/v1/users/{id}", id)
                .then().statusCode(200).body("status", equalTo("locked"));
        List<Events.Event> events = Events.awaitExactly(Topics.DIRECTORY_EVENTS, 1, Events.dataField("userId", id),
                Duration.ofSeconds(2));
        assertThat(events.get(0).key(), equalTo(id));
        assertThat(events.get(0).data().path("previousStatus").asText(), equalTo("active"));
        assertThat(events.get(0).data().path("status").asText(), equalTo("locked"));
    }

    @Test
    void successResetsTheCountSoFailuresMustBeConsecutive() {
        Fixtures.UserBody dave = user().in(rootId());
        String id = dave.createId();

        for (int attempt = 1; attempt <= 4; attempt++) {
            verify(dave.username(), "guess " + attempt).body("valid", equalTo(false));
        }
        verify(dave.username(), PASSWORD).body("valid", equalTo(true));
        verify(dave.username(), "guess 5").body("valid", equalTo(false));

        assertThat(failedAttempts(id), equalTo(1));
        verify(dave.username(), PASSWORD).body("valid", equalTo(true));
    }

    @Test
    void unlockByAdministratorLetsTheUserInAgain() {
        Fixtures.UserBody erin = user().in(rootId());
        String id = erin.createId();
        for (int attempt = 1; attempt <= 5; attempt++) {
            verify(erin.username(), "guess " + attempt);
        }

        given().header("Authorization", writer()).contentType(ContentType.JSON).body(Map.of("status", "active"))
                .patch("/api/v1/users/{id}", id).then().statusCode(200);

        verify(erin.username(), PASSWORD).body("valid", equalTo(true));
        assertThat(failedAttempts(id), equalTo(0));
    }

    @Test
    void disabledUserIsInvalidAndNotCounted() {
        Fixtures.UserBody frank = user().in(rootId()).status("disabled");
        String id = frank.createId();

        verify(frank.username(), PASSWORD).body("valid", equalTo(false));
        verify(frank.username(), "wrong").body("valid", equalTo(false));

        assertThat(failedAttempts(id), equalTo(0));
    }

    @Test
    void changedPasswordReplacesTheOldOne() {
        Fixtures.UserBody grace = user().in(rootId());
        String id = grace.createId();

        given().header("Authorization", writer()).contentType(ContentType.JSON)
                .body(Map.of("password", "a brand new secret"))
                .patch("/api/v1/users/{id}", id).then().statusCode(200);

        verify(grace.username(), PASSWORD).body("valid", equalTo(false));
        verify(grace.username(), "a brand new secret").body("valid", equalTo(true));
    }

    @Test
    void verifyNeedsReadScopeAndAWellFormedBody() {
        given().contentType(ContentType.JSON).body(Map.of("username", "x", "password", "y"))
                .post("/api/v1/credentials/verify")
                .then().statusCode(401).contentType(PROBLEM);
        given().header("Authorization", io.actas.support.testing.TestTokens.bearer("clients:read"))
                .contentType(ContentType.JSON).body(Map.of("username", "x", "password", "y"))
                .post("/api/v1/credentials/verify")
                .then().statusCode(403).contentType(PROBLEM);
        given().header("Authorization", reader()).contentType(ContentType.JSON).body(Map.of("username", "x"))
                .post("/api/v1/credentials/verify")
                .then().statusCode(400).contentType(PROBLEM);
        given().header("Authorization", reader()).contentType(ContentType.JSON).body("{")
                .post("/api/v1/credentials/verify")
                .then().statusCode(400).contentType(PROBLEM);
    }

    private static ValidatableResponse verify(String username, String password) {
        return given().header("Authorization", reader()).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .post("/api/v1/credentials/verify")
                .then().statusCode(200);
    }

    private int failedAttempts(String id) {
        return (Integer) new Rows(dataSource).one("select failed_attempts from users where id = ?", id).get("failed_attempts");
    }
}

package io.actas.org.bootstrap;

import static io.actas.org.Fixtures.reader;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.actas.org.Rows;
import io.actas.org.credential.PasswordHasher;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;

@QuarkusTest
class BootstrapTest {

    /** {@code %test.actas.bootstrap.admin.password} in application.properties. */
    private static final String ADMIN_PASSWORD = "admin-test-password";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    BootstrapService bootstrap;

    @Inject
    PasswordHasher hasher;

    @Test
    void startOnEmptyDatabaseCreatedRootAndAdministratorResidentInIt() {
        String root = given().header("Authorization", reader()).queryParam("handle", "root")
                .get("/api/v1/organizations").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].name", equalTo("Root organization"))
                .body("items[0].parentId", equalTo(null))
                .extract().path("items[0].id");
        String admin = given().header("Authorization", reader()).queryParam("username", "admin")
                .get("/api/v1/users").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].organizationId", equalTo(root))
                .body("items[0].status", equalTo("active"))
                .extract().path("items[0].id");
        given().header("Authorization", reader()).get("/api/v1/users/{id}/memberships", admin)
                .then().statusCode(200).body("organizationId", contains(root)).body("type", contains("resident"));

        given().header("Authorization", reader()).contentType(ContentType.JSON)
                .body(Map.of("username", "admin", "password", ADMIN_PASSWORD))
                .post("/api/v1/credentials/verify")
                .then().statusCode(200).body("valid", equalTo(true)).body("userId", equalTo(admin));
    }

    @Test
    void runningAgainTwiceAtOnceCreatesNothing() throws Exception {
        Rows rows = new Rows(dataSource);
        long users = rows.count("select count(*) from users");
        String hash = hasher.hashNow("another password");

        CompletableFuture<BootstrapService.Outcome> first = CompletableFuture.supplyAsync(() -> run(hash));
        CompletableFuture<BootstrapService.Outcome> second = CompletableFuture.supplyAsync(() -> run(hash));

        for (BootstrapService.Outcome outcome : List.of(first.get(), second.get())) {
            assertThat(outcome.rootCreated(), equalTo(false));
            assertThat(outcome.adminCreated(), equalTo(false));
        }
        assertThat(rows.count("select count(*) from organizations where parent_id is null"), equalTo(1L));
        assertThat(rows.count("select count(*) from users where username = 'admin'"), equalTo(1L));
        assertThat(rows.count("select count(*) from users"), equalTo(users));
    }

    private BootstrapService.Outcome run(String hash) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> bootstrap.run(hash));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}

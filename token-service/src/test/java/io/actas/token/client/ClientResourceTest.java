package io.actas.token.client;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;

import io.actas.support.testing.TestTokens;
import io.actas.token.testing.AuthorizationServer;
import io.actas.token.testing.StubbedUpstreams;
import io.actas.token.testing.TestClients;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@WithTestResource(StubbedUpstreams.class)
class ClientResourceTest {

    @TestHTTPResource
    URL url;

    @Inject
    Pool pool;

    @Test
    void createConfidentialClientShowsTheSecretOnceAndStoresOnlyItsHash() {
        Map<String, Object> body = TestClients.confidential().loginFlow().scopes("openid", "orgs:read")
                .with("impersonationEnabled", true).with("impersonationPrompt", true)
                .with("sharing", Map.of("allOrganizations", false, "organizationIds", List.of("o-team"))).body();
        String clientId = (String) body.get("clientId");

        String secret = given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer("clients:write"))
                .body(body).post("/api/v1/clients")
                .then().statusCode(201)
                .header("Location", equalTo(url.toString().replaceAll("/$", "") + "/api/v1/clients/" + clientId))
                .header("Cache-Control", "no-store")
                .body("type", equalTo("confidential"))
                .body("accessTokenLifetimeSeconds", equalTo(300))
                .body("impersonationPrompt", equalTo(true))
                .body("sharing.organizationIds", equalTo(List.of("o-team")))
                .body("clientSecret", notNullValue())
                .extract().path("clientSecret");

        given().header("Authorization", TestTokens.bearer("clients:read")).get("/api/v1/clients/" + clientId)
                .then().statusCode(200).body("clientSecret", nullValue())
                .body("redirectUris", equalTo(List.of(TestClients.REDIRECT_URI)));
        String hash = pool.preparedQuery("select secret_hash from oauth_client where client_id = $1")
                .execute(Tuple.of(clientId)).await().indefinitely().iterator().next().getString(0);
        assertThat(hash).startsWith("$2").doesNotContain(secret);
    }

    @Test
    void rotatedSecretReplacesTheOldOneAtOnce() {
        AuthorizationServer server = AuthorizationServer.discover(url);
        TestClients.Registered client = TestClients.confidential().grants("client_credentials").create();

        String newSecret = given().header("Authorization", TestTokens.bearer("clients:write"))
                .post("/api/v1/clients/" + client.clientId() + "/secret")
                .then().statusCode(200).extract().path("clientSecret");

        assertThat(server.send(client.basic(), new ClientCredentialsGrant(), null).getStatusCode()).isEqualTo(401);
        ClientSecretBasic rotated = new ClientSecretBasic(client.id(), new Secret(newSecret));
        assertThat(server.send(rotated, new ClientCredentialsGrant(), null).getStatusCode()).isEqualTo(200);
    }

    @Test
    void publicClientsHaveNoSecret() {
        TestClients.Registered client = TestClients.publicClient().loginFlow().create();

        assertThat(client.secret()).isNull();
        given().header("Authorization", TestTokens.bearer("clients:write"))
                .post("/api/v1/clients/" + client.clientId() + "/secret").then().statusCode(409);
    }

    @Test
    void publicClientWithClientCredentialsThenBadRequest() {
        create(TestClients.publicClient().grants("client_credentials").body())
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void redirectUriWithFragmentOrScriptSchemeThenBadRequest() {
        create(TestClients.confidential().grants("authorization_code")
                .with("redirectUris", List.of("https://app.example.org/cb#frag")).body()).then().statusCode(400);
        create(TestClients.confidential().grants("authorization_code")
                .with("redirectUris", List.of("javascript:alert(1)")).body()).then().statusCode(400);
    }

    @Test
    void authorizationCodeWithoutRedirectUriThenBadRequest() {
        create(TestClients.confidential().grants("authorization_code").body()).then().statusCode(400)
                .body("detail", equalTo("authorization_code needs at least one redirect URI"));
    }

    @Test
    void unknownGrantTypeOrMissingFieldsThenBadRequest() {
        create(TestClients.confidential().grants("password").body()).then().statusCode(400);
        create(Map.of("type", "confidential")).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("name"));
        create(Map.of("name", "x", "type", "secretive", "grantTypes", List.of("client_credentials")))
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void takenClientIdThenConflict() {
        TestClients.Registered client = TestClients.confidential().grants("client_credentials").create();

        create(TestClients.confidential().grants("client_credentials").with("clientId", client.clientId()).body())
                .then().statusCode(409);
    }

    @Test
    void updateReplacesTheRegistrationAndKeepsTheSecret() {
        AuthorizationServer server = AuthorizationServer.discover(url);
        TestClients.Registered client = TestClients.confidential().grants("client_credentials").scopes("orgs:read")
                .create();
        Map<String, Object> body = TestClients.confidential().grants("client_credentials").scopes("audit:read")
                .with("clientId", client.clientId()).with("name", "Renamed").body();

        given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer("clients:write")).body(body)
                .put("/api/v1/clients/" + client.clientId())
                .then().statusCode(200).body("name", equalTo("Renamed")).body("scopes", equalTo(List.of("audit:read")));

        assertThat(AuthorizationServer.tokens(server.send(client.basic(), new ClientCredentialsGrant(), null))
                .getTokens().getAccessToken().getScope().toString()).isEqualTo("audit:read");
    }

    @Test
    void deletedClientIsGoneAndItsTokensAreInactive() {
        AuthorizationServer server = AuthorizationServer.discover(url);
        TestClients.Registered client = TestClients.confidential().grants("client_credentials").create();
        TestClients.Registered introspector = TestClients.confidential().grants("client_credentials").create();
        String token = AuthorizationServer.tokens(server.send(client.basic(), new ClientCredentialsGrant(), null))
                .getTokens().getAccessToken().getValue();

        given().header("Authorization", TestTokens.bearer("clients:write")).delete("/api/v1/clients/" + client.clientId())
                .then().statusCode(204);

        given().header("Authorization", TestTokens.bearer("clients:read")).get("/api/v1/clients/" + client.clientId())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().preemptive().basic(introspector.clientId(), introspector.secret())
                .formParam("token", token).post("/oauth2/introspect")
                .then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void listIsPagedByCursor() {
        for (int i = 0; i < 3; i++) {
            TestClients.confidential().grants("client_credentials").create();
        }
        Map<String, Object> first = given().header("Authorization", TestTokens.bearer("clients:read"))
                .queryParam("limit", 2).get("/api/v1/clients").then().statusCode(200).extract().as(Map.class);
        String cursor = (String) first.get("nextCursor");

        assertThat((List<?>) first.get("items")).hasSize(2);
        given().header("Authorization", TestTokens.bearer("clients:read")).queryParam("limit", 2)
                .queryParam("cursor", cursor).get("/api/v1/clients")
                .then().statusCode(200).body("items[0].clientId", org.hamcrest.Matchers.greaterThan(cursor));
        given().header("Authorization", TestTokens.bearer("clients:read")).queryParam("limit", 0).get("/api/v1/clients")
                .then().statusCode(400);
    }

    @Test
    void readingNeedsClientsReadAndWritingNeedsClientsWrite() {
        given().get("/api/v1/clients").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("orgs:read")).get("/api/v1/clients").then().statusCode(403);
        given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer("clients:read"))
                .body(TestClients.confidential().grants("client_credentials").body()).post("/api/v1/clients")
                .then().statusCode(403);
    }

    @Test
    void creatingAClientIsAuditedOnKafka() {
        try (KafkaCompanion kafka = new KafkaCompanion("127.0.0.1:9092")) {
            Map<String, Object> body = TestClients.confidential().grants("client_credentials").body();
            String clientId = (String) body.get("clientId");
            ConsumerTask<String, String> audit = kafka.consumeStrings().withOffsetReset("earliest")
                    .withGroupId("token-service-test-" + clientId)
                    .fromTopics("audit.events", records -> records.select().where(r -> r.value().contains(clientId)));

            create(body).then().statusCode(201);

            String event = audit.awaitRecords(1, Duration.ofSeconds(60)).getFirstRecord().value();
            assertThat(event).contains("\"type\":\"io.actas.resource.created\"", "\"resourceType\":\"clients\"",
                    "\"resourceId\":\"" + clientId + "\"", "\"service\":\"token-service\"");
            assertThat(event).doesNotContain("clientSecret");
            audit.stop();
        }
    }

    private static io.restassured.response.Response create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer("clients:write"))
                .body(body).post("/api/v1/clients");
    }
}

package io.actas.token.testing;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;

import io.actas.support.testing.TestTokens;
import io.restassured.http.ContentType;

/** Registers clients through the admin API for a test: a fixture builder, not copied JSON. */
public final class TestClients {

    public static final String REDIRECT_URI = "https://app.example.org/callback";
    public static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";

    private final Map<String, Object> body = new LinkedHashMap<>();
    private final List<String> grants = new ArrayList<>();
    private final List<String> scopes = new ArrayList<>();

    private TestClients(String type) {
        body.put("clientId", "test-" + UUID.randomUUID());
        body.put("name", "Test client");
        body.put("type", type);
    }

    public static TestClients confidential() {
        return new TestClients("confidential");
    }

    public static TestClients publicClient() {
        return new TestClients("public");
    }

    /**
     * A support console (issue 5): login flow plus token exchange, registered for impersonation, with the scopes the
     * stubbed directory knows.
     */
    public static TestClients supportConsole() {
        return confidential().loginFlow().grants(TOKEN_EXCHANGE)
                .scopes("openid", "profile", "impersonation", "orgs:read", "tickets:read", "tickets:write")
                .with("impersonationEnabled", true);
    }

    public TestClients grants(String... grantTypes) {
        grants.addAll(List.of(grantTypes));
        return this;
    }

    public TestClients scopes(String... values) {
        scopes.addAll(List.of(values));
        return this;
    }

    /** authorization_code + refresh_token with {@link #REDIRECT_URI}. */
    public TestClients loginFlow() {
        body.put("redirectUris", List.of(REDIRECT_URI));
        return grants("authorization_code", "refresh_token");
    }

    public TestClients with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    public Map<String, Object> body() {
        body.put("grantTypes", grants);
        body.put("scopes", scopes);
        return body;
    }

    public Registered create() {
        Map<String, Object> created = given().contentType(ContentType.JSON)
                .header("Authorization", TestTokens.bearer("clients:write"))
                .body(body())
                .post("/api/v1/clients")
                .then().statusCode(201)
                .extract().as(Map.class);
        return new Registered((String) created.get("clientId"), (String) created.get("clientSecret"));
    }

    /** A registered client and its secret (null for public clients). */
    public record Registered(String clientId, String secret) {

        public ClientID id() {
            return new ClientID(clientId);
        }

        public ClientSecretBasic basic() {
            return new ClientSecretBasic(id(), new Secret(secret));
        }

        public ClientSecretPost post() {
            return new ClientSecretPost(id(), new Secret(secret));
        }
    }
}

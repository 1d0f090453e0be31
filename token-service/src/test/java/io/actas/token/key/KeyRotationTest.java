package io.actas.token.key;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import jakarta.inject.Inject;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;

import io.actas.support.testing.TestTokens;
import io.actas.token.testing.AuthorizationServer;
import io.actas.token.testing.StubbedUpstreams;
import io.actas.token.testing.TestClients;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@WithTestResource(StubbedUpstreams.class)
class KeyRotationTest {

    private static final String TEST_KEK = "dGVzdC1vbmx5LWtleS1lbmNyeXB0aW9uLWtleS0zMmI=";

    @TestHTTPResource
    URL url;

    @Inject
    Pool pool;

    AuthorizationServer server;
    TestClients.Registered client;

    @BeforeEach
    void setUp() {
        server = AuthorizationServer.discover(url);
        client = TestClients.confidential().grants("client_credentials").scopes("orgs:read").create();
    }

    @Test
    void jwksPublishesTheSigningKeyWithKidUseAndAlg() throws Exception {
        String token = accessToken();
        String kid = SignedJWT.parse(token).getHeader().getKeyID();

        JWKSet jwks = server.jwks();

        assertThat(jwks.getKeyByKeyId(kid)).isNotNull();
        assertThat(jwks.getKeyByKeyId(kid).getKeyUse().identifier()).isEqualTo("sig");
        assertThat(jwks.getKeyByKeyId(kid).isPrivate()).isFalse();
        given().get("/oauth2/jwks").then().statusCode(200).header("Cache-Control", "public, max-age=300");
    }

    @Test
    void rotationKeepsThePreviousKeyPublishedUntilItsLastTokenExpires() throws Exception {
        String before = accessToken();
        String oldKid = SignedJWT.parse(before).getHeader().getKeyID();
        try {
            String newKid = rotate("ES256");
            String after = accessToken();

            SignedJWT afterJwt = SignedJWT.parse(after);
            assertThat(afterJwt.getHeader().getKeyID()).isEqualTo(newKid).isNotEqualTo(oldKid);
            assertThat(afterJwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
            // a resource server that knows only the issuer verifies both, across the rotation
            assertThat(server.verifyAccessToken(before).getSubject()).isEqualTo(client.clientId());
            assertThat(server.verifyAccessToken(after).getSubject()).isEqualTo(client.clientId());
            // the admin API accepts tokens of the new key at once
            given().header("Authorization", "Bearer " + adminToken()).get("/api/v1/keys").then().statusCode(200);

            // once every token of the old key has expired, the old key leaves the JWKS
            pool.preparedQuery("update issued_token set expires_at = now() - interval '1 second' where kid = $1")
                    .execute(Tuple.of(oldKid)).await().indefinitely();
            assertThat(server.jwks().getKeyByKeyId(oldKid)).isNull();
            assertThat(server.jwks().getKeyByKeyId(newKid)).isNotNull();
        } finally {
            rotate("RS256");
        }
    }

    @Test
    void eddsaKeysSignTokensThatVerifyAgainstTheJwks() throws Exception {
        try {
            String kid = rotate("EdDSA");
            String token = accessToken();

            JsonWebKeySet jwks = new JsonWebKeySet(given().get("/oauth2/jwks").asString());
            JwtClaims claims = new JwtConsumerBuilder()
                    .setVerificationKeyResolver(new JwksVerificationKeyResolver(jwks.getJsonWebKeys()))
                    .setExpectedIssuer(server.issuer().getValue())
                    .setExpectedAudience("actas")
                    .setExpectedType(true, "at+jwt")
                    .build().processToClaims(token);

            assertThat(SignedJWT.parse(token).getHeader().getKeyID()).isEqualTo(kid);
            assertThat(SignedJWT.parse(token).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.EdDSA);
            assertThat(claims.getSubject()).isEqualTo(client.clientId());
        } finally {
            rotate("RS256");
        }
    }

    @Test
    void rotationNeedsClientsWrite() {
        given().header("Authorization", TestTokens.bearer("clients:read")).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/keys").then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/keys").then().statusCode(401);
    }

    @Test
    void rotationToAnUnknownAlgorithmIsRefused() {
        given().header("Authorization", TestTokens.bearer("clients:write")).contentType(ContentType.JSON)
                .body("{\"algorithm\":\"HS256\"}").post("/api/v1/keys")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void privateKeysAreStoredEncryptedWithTheKeyEncryptionKey() {
        Row row = pool.query("select kid, private_key from signing_key where retired_at is null").execute()
                .await().indefinitely().iterator().next();
        String kid = row.getString("kid");
        byte[] stored = row.getBuffer("private_key").getBytes();

        assertThatThrownBy(() -> KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(stored)))
                .isInstanceOf(Exception.class);
        byte[] pkcs8 = new KeyCipher(TEST_KEK).decrypt(kid, stored);
        assertThat(pkcs8.length).isGreaterThan(100);
        String otherKek = Base64.getEncoder().encodeToString(new byte[32]);
        assertThatThrownBy(() -> new KeyCipher(otherKek).decrypt(kid, stored)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new KeyCipher(TEST_KEK).decrypt("another-kid", stored))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void listShowsOneActiveKey() {
        given().header("Authorization", TestTokens.bearer("clients:read")).get("/api/v1/keys")
                .then().statusCode(200).body("findAll { it.active }.size()", equalTo(1));
    }

    private String rotate(String algorithm) {
        return given().header("Authorization", TestTokens.bearer("clients:write")).contentType(ContentType.JSON)
                .body("{\"algorithm\":\"" + algorithm + "\"}").post("/api/v1/keys")
                .then().statusCode(201).body("active", equalTo(true)).body("algorithm", equalTo(algorithm))
                .extract().path("kid");
    }

    private String accessToken() {
        return AuthorizationServer.tokens(server.send(client.basic(), new ClientCredentialsGrant(), null)).getTokens()
                .getAccessToken().getValue();
    }

    private String adminToken() {
        TestClients.Registered admin = TestClients.confidential().grants("client_credentials").scopes("clients:read")
                .create();
        return AuthorizationServer.tokens(server.send(admin.basic(), new ClientCredentialsGrant(), null)).getTokens()
                .getAccessToken().getValue();
    }
}

package io.actas.token.testing;

import static io.restassured.RestAssured.given;

import java.util.Map;

import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.Token;
import com.nimbusds.oauth2.sdk.token.TokenTypeURI;
import com.nimbusds.oauth2.sdk.token.TypelessToken;
import com.nimbusds.oauth2.sdk.tokenexchange.TokenExchangeGrant;

import io.restassured.http.ContentType;

/** RFC 8693 token exchange requests through the Nimbus SDK, and what a client does with the tokens it gets. */
public final class Exchanges {

    public static final String USER_ID = "urn:actas:params:oauth:token-type:user_id";

    private final AuthorizationServer server;
    private final TestClients.Registered client;
    private Token subject;
    private TokenTypeURI subjectType;
    private Token actor;
    private TokenTypeURI actorType;
    private Scope scope;
    private String reason;

    private Exchanges(AuthorizationServer server, TestClients.Registered client) {
        this.server = server;
        this.client = client;
    }

    public static Exchanges as(AuthorizationServer server, TestClients.Registered client) {
        return new Exchanges(server, client);
    }

    /** Direct mode: the subject is a user id. */
    public Exchanges subjectUser(String userId) {
        return subject(userId, USER_ID);
    }

    public Exchanges subject(String token, String type) {
        this.subject = new TypelessToken(token);
        this.subjectType = uri(type);
        return this;
    }

    public Exchanges actorAccessToken(String token) {
        return actor(token, TokenTypeURI.ACCESS_TOKEN.getURI().toString());
    }

    public Exchanges actor(String token, String type) {
        this.actor = new TypelessToken(token);
        this.actorType = uri(type);
        return this;
    }

    public Exchanges scope(String scope) {
        this.scope = Scope.parse(scope);
        return this;
    }

    public Exchanges reason(String reason) {
        this.reason = reason;
        return this;
    }

    public HTTPResponse send() {
        TokenExchangeGrant grant = new TokenExchangeGrant(subject, subjectType, actor, actorType,
                TokenTypeURI.ACCESS_TOKEN, null);
        TokenRequest.Builder request = new TokenRequest.Builder(server.metadata().getTokenEndpointURI(), client.basic(),
                grant).scope(scope);
        if (reason != null) {
            request.customParameter("reason", reason);
        }
        return AuthorizationServer.send(request.build());
    }

    /** RFC 7662 introspection by the client. */
    public static Map<String, Object> introspect(TestClients.Registered client, String token) {
        return given().auth().preemptive().basic(client.clientId(), client.secret()).contentType(ContentType.URLENC)
                .formParam("token", token).post("/oauth2/introspect")
                .then().statusCode(200).extract().as(Map.class);
    }

    private static TokenTypeURI uri(String type) {
        try {
            return TokenTypeURI.parse(type);
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new IllegalArgumentException(type, e);
        }
    }
}

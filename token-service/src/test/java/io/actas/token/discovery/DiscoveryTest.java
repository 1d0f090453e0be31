package io.actas.token.discovery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.net.URI;
import java.net.URL;

import org.junit.jupiter.api.Test;

import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;

import io.actas.token.testing.AuthorizationServer;
import io.actas.token.testing.StubbedUpstreams;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(StubbedUpstreams.class)
class DiscoveryTest {

    @TestHTTPResource
    URL url;

    @Test
    void openidConfigurationListsWhatIsImplemented() {
        OIDCProviderMetadata metadata = AuthorizationServer.discover(url).metadata();

        String issuer = url.toString().replaceAll("/$", "");
        assertThat(metadata.getIssuer().getValue()).isEqualTo(issuer);
        assertThat(metadata.getAuthorizationEndpointURI()).isEqualTo(URI.create(issuer + "/oauth2/authorize"));
        assertThat(metadata.getTokenEndpointURI()).isEqualTo(URI.create(issuer + "/oauth2/token"));
        assertThat(metadata.getJWKSetURI()).isEqualTo(URI.create(issuer + "/oauth2/jwks"));
        assertThat(metadata.getUserInfoEndpointURI()).isEqualTo(URI.create(issuer + "/oauth2/userinfo"));
        assertThat(metadata.getIntrospectionEndpointURI()).isEqualTo(URI.create(issuer + "/oauth2/introspect"));
        assertThat(metadata.getRevocationEndpointURI()).isEqualTo(URI.create(issuer + "/oauth2/revoke"));
        assertThat(metadata.getGrantTypes()).containsExactlyInAnyOrder(GrantType.AUTHORIZATION_CODE,
                GrantType.CLIENT_CREDENTIALS, GrantType.REFRESH_TOKEN, GrantType.TOKEN_EXCHANGE,
                new GrantType("organization_switch"));
        // WSO2's step 1 of impersonation (issue 5)
        assertThat(metadata.getResponseTypes()).containsExactly(ResponseType.CODE, new ResponseType("subject_token"),
                new ResponseType("id_token", "subject_token"));
        assertThat(metadata.getClaims()).contains("act", "imp", "may_act");
        assertThat(metadata.getCodeChallengeMethods()).containsExactly(CodeChallengeMethod.S256);
        assertThat(metadata.getTokenEndpointAuthMethods()).containsExactly(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
                ClientAuthenticationMethod.CLIENT_SECRET_POST, ClientAuthenticationMethod.NONE);
        assertThat(metadata.getScopes().toStringList()).contains("openid", "profile", "email", "clients:write");
        assertThat(metadata.supportsRequestURIParam()).isFalse();
        assertThat(metadata.supportsAuthorizationResponseIssuerParam()).isTrue();
    }

    @Test
    void authorizationServerMetadataNamesTheSameEndpoints() throws Exception {
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata
                .resolve(AuthorizationServer.discover(url).issuer());

        assertThat(metadata.getTokenEndpointURI()).isEqualTo(AuthorizationServer.discover(url).metadata()
                .getTokenEndpointURI());
        assertThat(metadata.getIntrospectionEndpointURI()).isNotNull();
    }

    @Test
    void openApiDocumentsTheEndpoints() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/oauth2/token"))
                .body(containsString("/oauth2/authorize"))
                .body(containsString("/api/v1/clients"))
                .body(containsString("/api/v1/keys"));
    }
}

package io.actas.token.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.Set;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;

/**
 * The server as an unmodified client sees it: metadata resolved through discovery with the Nimbus OAuth 2.0 SDK, token
 * requests sent to the advertised endpoints, tokens verified with Nimbus JOSE against the published JWKS.
 */
public final class AuthorizationServer {

    private final OIDCProviderMetadata metadata;

    private AuthorizationServer(OIDCProviderMetadata metadata) {
        this.metadata = metadata;
    }

    /** Resolves {@code issuer}'s OpenID configuration (and checks its {@code issuer} equals it). */
    public static AuthorizationServer discover(URL issuer) {
        try {
            String value = issuer.toString().replaceAll("/$", "");
            return new AuthorizationServer(OIDCProviderMetadata.resolve(new Issuer(value)));
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Discovery of [" + issuer + "] failed; the document is " + io.restassured.RestAssured
                            .get(issuer.toString().replaceAll("/$", "") + "/.well-known/openid-configuration").asString(),
                    e);
        }
    }

    public OIDCProviderMetadata metadata() {
        return metadata;
    }

    public Issuer issuer() {
        return metadata.getIssuer();
    }

    /** A token request with client authentication, answered by the token endpoint. */
    public HTTPResponse send(ClientAuthentication client, AuthorizationGrant grant, Scope scope) {
        return send(new TokenRequest(metadata.getTokenEndpointURI(), client, grant, scope));
    }

    /** A token request of a public client (client_id only). */
    public HTTPResponse send(ClientID client, AuthorizationGrant grant) {
        return send(new TokenRequest(metadata.getTokenEndpointURI(), client, grant));
    }

    public static HTTPResponse send(TokenRequest request) {
        try {
            return request.toHTTPRequest().send();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tokens of a successful response (fails the test with the error otherwise). */
    public static OIDCTokenResponse tokens(HTTPResponse response) {
        try {
            TokenResponse parsed = OIDCTokenResponseParser.parse(response);
            if (!parsed.indicatesSuccess()) {
                throw new AssertionError("Token request failed: " + parsed.toErrorResponse().getErrorObject().toJSONObject());
            }
            return (OIDCTokenResponse) parsed.toSuccessResponse();
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new AssertionError("Not a token response: " + response.getBody(), e);
        }
    }

    /** The RFC 6749 §5.2 error of a failed response (fails the test if it succeeded). */
    public static ErrorObject error(HTTPResponse response) {
        try {
            return TokenErrorResponse.parse(response).getErrorObject();
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new AssertionError("Not an RFC 6749 error response: " + response.getStatusCode() + " "
                    + response.getBody(), e);
        }
    }

    /** The published JWK set, fetched now (no cache). */
    public JWKSet jwks() {
        try {
            return JWKSet.load(metadata.getJWKSetURI().toURL());
        } catch (Exception e) {
            throw new IllegalStateException("JWKS not readable", e);
        }
    }

    /**
     * Verifies an access token the way an RFC 9068 resource server that knows only the issuer would: {@code typ}
     * at+jwt, signature by a key of the published JWKS, issuer, expiry, required claims.
     */
    public JWTClaimsSet verifyAccessToken(String token) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256),
                new ImmutableJWKSet<>(jwks())));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(issuer().getValue()).build(),
                Set.of("sub", "aud", "exp", "iat", "nbf", "jti", "client_id", "aut")));
        try {
            return processor.process(token, null);
        } catch (Exception e) {
            throw new AssertionError("Access token does not verify: " + e.getMessage(), e);
        }
    }

    public URI endpoint(String path) {
        return URI.create(issuer().getValue() + path);
    }
}

package io.actas.token.discovery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.actas.token.authorize.Pkce;
import io.actas.token.config.TokenConfig;
import io.actas.token.grant.TokenGrant;
import io.actas.token.issue.TokenIssuer;
import io.actas.token.key.KeyAlgorithm;
import io.actas.token.oauth.Claims;
import io.actas.token.oauth.Scopes;
import io.quarkus.arc.All;

/**
 * RFC 8414 and OIDC Discovery 1.0 metadata: one document at both well-known paths, listing exactly what this server
 * implements. Grant types come from the registered grants, so a new grant appears here by existing.
 */
@Path("/.well-known")
@Tag(name = "Discovery")
public class DiscoveryResource {

    private static final List<String> CLIENT_AUTH_METHODS = List.of("client_secret_basic", "client_secret_post");

    private final Map<String, Object> metadata;

    public DiscoveryResource(TokenConfig config, @All List<TokenGrant> grants) {
        String issuer = config.issuer();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("issuer", issuer);
        m.put("authorization_endpoint", issuer + "/oauth2/authorize");
        m.put("token_endpoint", issuer + "/oauth2/token");
        m.put("jwks_uri", issuer + "/oauth2/jwks");
        m.put("userinfo_endpoint", issuer + "/oauth2/userinfo");
        m.put("introspection_endpoint", issuer + "/oauth2/introspect");
        m.put("revocation_endpoint", issuer + "/oauth2/revoke");
        // subject_token and id_token subject_token: WSO2's step 1 of impersonation (issue 5), answered in the fragment
        m.put("response_types_supported", List.of("code", "subject_token", "id_token subject_token"));
        m.put("response_modes_supported", List.of("query", "fragment"));
        m.put("grant_types_supported", grants.stream().map(TokenGrant::grantType).sorted().toList());
        m.put("subject_types_supported", List.of("public"));
        m.put("id_token_signing_alg_values_supported", algorithms());
        m.put("token_endpoint_auth_methods_supported", withNone(CLIENT_AUTH_METHODS));
        m.put("introspection_endpoint_auth_methods_supported", CLIENT_AUTH_METHODS);
        m.put("revocation_endpoint_auth_methods_supported", withNone(CLIENT_AUTH_METHODS));
        m.put("code_challenge_methods_supported", List.of(Pkce.S256));
        List<String> scopes = new ArrayList<>(List.of(Scopes.OPENID, Scopes.PROFILE, Scopes.EMAIL));
        scopes.addAll(Scopes.ADMIN);
        m.put("scopes_supported", scopes);
        m.put("claims_supported", List.of("iss", "sub", "aud", "exp", "iat", "nbf", "jti", Claims.AUTH_TIME,
                Claims.NONCE, Claims.AZP, Claims.CLIENT_ID, Claims.SCOPE, Claims.NAME, Claims.PREFERRED_USERNAME,
                Claims.EMAIL, Claims.AUT, Claims.ORG_ID, Claims.ORG_NAME, Claims.USER_ORG, Claims.ACT, Claims.IMP,
                TokenIssuer.MAY_ACT));
        m.put("claims_parameter_supported", false);
        m.put("request_parameter_supported", false);
        m.put("request_uri_parameter_supported", false);
        m.put("authorization_response_iss_parameter_supported", true);
        this.metadata = Collections.unmodifiableMap(m);
    }

    @GET
    @Path("/openid-configuration")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "OpenID Connect Discovery 1.0 provider metadata")
    @APIResponse(responseCode = "200", description = "Provider metadata")
    public Map<String, Object> openidConfiguration() {
        return metadata;
    }

    @GET
    @Path("/oauth-authorization-server")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "RFC 8414 authorization server metadata")
    @APIResponse(responseCode = "200", description = "Authorization server metadata")
    public Map<String, Object> authorizationServer() {
        return metadata;
    }

    private static List<String> algorithms() {
        return Arrays.stream(KeyAlgorithm.values()).map(KeyAlgorithm::jwsName).toList();
    }

    private static List<String> withNone(List<String> methods) {
        List<String> all = new ArrayList<>(methods);
        all.add("none");
        return all;
    }
}

package io.actas.token.grant;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.actas.token.client.Client;
import io.actas.token.client.ClientAuthenticator;
import io.actas.token.issue.TokenResponse;
import io.actas.token.oauth.NoStore;
import io.actas.token.oauth.OAuthErrorMapper;
import io.actas.token.oauth.OAuthException;
import io.actas.token.oauth.OAuthParameters;
import io.quarkus.arc.All;
import io.smallrye.mutiny.Uni;

/** The token endpoint (RFC 6749 §3.2): authenticate the client, then dispatch on {@code grant_type}. */
@Path("/oauth2/token")
@Tag(name = "OAuth 2.0", description = "Authorization server endpoints (RFC 6749, 7009, 7662, OIDC Core)")
public class TokenResource {

    static final String GRANT_TYPE = "grant_type";

    private final Map<String, TokenGrant> grants;
    private final ClientAuthenticator authenticator;

    public TokenResource(@All List<TokenGrant> grants, ClientAuthenticator authenticator) {
        this.grants = grants.stream()
                .collect(Collectors.toMap(TokenGrant::grantType, Function.identity(), (a, b) -> a, TreeMap::new));
        this.authenticator = authenticator;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue tokens", description = "grant_type authorization_code, refresh_token or "
            + "client_credentials; client authentication client_secret_basic, client_secret_post, or none for public "
            + "clients.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED))
    @APIResponse(responseCode = "200", description = "RFC 6749 §5.1 token response")
    @APIResponse(responseCode = "400", description = "RFC 6749 §5.2 error: invalid_request, invalid_grant, "
            + "unauthorized_client, unsupported_grant_type, invalid_scope")
    @APIResponse(responseCode = "401", description = "invalid_client")
    @APIResponse(responseCode = "500", description = "server_error (no detail; logged with an incident id)")
    @APIResponse(responseCode = "503", description = "temporarily_unavailable: org-service or policy-service did not answer")
    public Uni<Response> token(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        return Uni.createFrom().deferred(() -> {
            OAuthParameters parameters = OAuthParameters.ofForm(contentType, body);
            // grant_type (REQUIRED)
            String grantType = parameters.required(GRANT_TYPE);
            return authenticator.authenticate(authorization, parameters)
                    .flatMap(client -> dispatch(grantType, client, parameters));
        })
                .map(response -> NoStore.apply(Response.ok(response, MediaType.APPLICATION_JSON_TYPE)).build())
                .onFailure().transform(OAuthErrorMapper::toOAuth);
    }

    private Uni<TokenResponse> dispatch(String grantType, Client client, OAuthParameters parameters) {
        TokenGrant grant = grants.get(grantType);
        // RFC 6749 §5.2 unsupported_grant_type: not supported by the authorization server
        if (grant == null) {
            throw OAuthException.unsupportedGrantType(grantType);
        }
        // RFC 6749 §5.2 unauthorized_client: not authorized to use this grant type
        if (!client.allowsGrant(grantType)) {
            throw OAuthException.unauthorizedClient("The client is not registered for grant type '" + grantType + "'.");
        }
        return grant.grant(client, parameters);
    }
}

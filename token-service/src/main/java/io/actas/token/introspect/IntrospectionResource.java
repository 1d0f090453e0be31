package io.actas.token.introspect;

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

import io.actas.token.client.ClientAuthenticator;
import io.actas.token.oauth.NoStore;
import io.actas.token.oauth.OAuthErrorMapper;
import io.actas.token.oauth.OAuthException;
import io.actas.token.oauth.OAuthParameters;
import io.smallrye.mutiny.Uni;

/** RFC 7662 token introspection, for authenticated confidential clients. */
@Path("/oauth2/introspect")
@Tag(name = "OAuth 2.0")
public class IntrospectionResource {

    private final ClientAuthenticator authenticator;
    private final IntrospectionService service;

    public IntrospectionResource(ClientAuthenticator authenticator, IntrospectionService service) {
        this.authenticator = authenticator;
        this.service = service;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Introspect a token", description = "Access tokens (JWT) and refresh tokens of this server; "
            + "revoked, expired and foreign tokens are inactive. Any confidential client may introspect.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED))
    @APIResponse(responseCode = "200", description = "{active: ...} and, when active, the token's claims")
    @APIResponse(responseCode = "400", description = "invalid_request")
    @APIResponse(responseCode = "401", description = "invalid_client")
    public Uni<Response> introspect(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        return Uni.createFrom().deferred(() -> {
            OAuthParameters parameters = OAuthParameters.ofForm(contentType, body);
            // token (REQUIRED); token_type_hint (OPTIONAL) is not needed: the two kinds look different
            String token = parameters.required("token");
            parameters.optional("token_type_hint");
            return authenticator.authenticate(authorization, parameters).flatMap(client -> {
                // RFC 7662 §2.1: the endpoint requires client authentication, which public clients cannot give
                if (client.isPublic()) {
                    throw OAuthException.invalidClient(false);
                }
                return service.introspect(token);
            });
        })
                .map(answer -> NoStore.apply(Response.ok(answer, MediaType.APPLICATION_JSON_TYPE)).build())
                .onFailure().transform(OAuthErrorMapper::toOAuth);
    }
}

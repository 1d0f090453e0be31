package io.actas.token.introspect;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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
import io.actas.token.oauth.OAuthParameters;
import io.smallrye.mutiny.Uni;

/** RFC 7009 token revocation; public clients identify themselves with {@code client_id}. */
@Path("/oauth2/revoke")
@Tag(name = "OAuth 2.0")
public class RevocationResource {

    private final ClientAuthenticator authenticator;
    private final IntrospectionService service;

    public RevocationResource(ClientAuthenticator authenticator, IntrospectionService service) {
        this.authenticator = authenticator;
        this.service = service;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Revoke a token", description = "An access token, or a refresh token together with every "
            + "token of its login. Unknown tokens are answered 200 as well (RFC 7009 §2.2).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED))
    @APIResponse(responseCode = "200", description = "Revoked, or nothing to revoke")
    @APIResponse(responseCode = "400", description = "invalid_request; unauthorized_client when the token is another client's")
    @APIResponse(responseCode = "401", description = "invalid_client")
    public Uni<Response> revoke(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        return Uni.createFrom().deferred(() -> {
            OAuthParameters parameters = OAuthParameters.ofForm(contentType, body);
            // token (REQUIRED); token_type_hint (OPTIONAL)
            String token = parameters.required("token");
            parameters.optional("token_type_hint");
            return authenticator.authenticate(authorization, parameters)
                    .flatMap(client -> service.revoke(client, token));
        })
                .map(ignored -> NoStore.apply(Response.ok()).build())
                .onFailure().transform(OAuthErrorMapper::toOAuth);
    }
}

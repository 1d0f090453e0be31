package io.actas.token.key;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;

import io.smallrye.mutiny.Uni;

/** RFC 7517 JWK set: the active key and each retired key until the last token it signed has expired. */
@Path("/oauth2/jwks")
@Tag(name = "OAuth 2.0")
public class JwksResource {

    /** Verifiers may cache the set this long; they refetch at once on an unknown {@code kid}. */
    private static final String CACHE = "public, max-age=300";

    private final KeyService keys;

    public JwksResource(KeyService keys) {
        this.keys = keys;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The public signing keys (JWK set)")
    @APIResponse(responseCode = "200", description = "{keys: [...]}, each with kid, use=sig and alg")
    public Uni<Response> jwks() {
        return keys.published().map(published -> {
            List<JsonWebKey> jwks = published.stream().<JsonWebKey> map(KeyService::publicJwk).toList();
            String json = new JsonWebKeySet(jwks).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
            return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", CACHE).build();
        });
    }
}

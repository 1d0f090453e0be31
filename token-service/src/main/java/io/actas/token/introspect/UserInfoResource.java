package io.actas.token.introspect;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jose4j.jwt.JwtClaims;

import io.actas.token.issue.TokenVerifier;
import io.actas.token.oauth.Claims;
import io.actas.token.oauth.NoStore;
import io.actas.token.oauth.OAuthErrorMapper;
import io.actas.token.oauth.OAuthException;
import io.actas.token.oauth.Scopes;
import io.actas.token.upstream.OrgClient;
import io.smallrye.mutiny.Uni;

/**
 * OIDC Core §5.3 userinfo: the user's claims by the token's scopes, with the token's organization claims and, for an
 * impersonated token, its {@code act} (so the client sees who is really acting).
 */
@Path("/oauth2/userinfo")
@Tag(name = "OAuth 2.0")
public class UserInfoResource {

    private static final String BEARER = "Bearer ";
    /** Token claims userinfo repeats as they are. */
    private static final Set<String> COPIED = Set.of(Claims.ORG_ID, Claims.ORG_NAME, Claims.USER_ORG, Claims.ACT);

    private final TokenVerifier verifier;
    private final OrgClient org;

    public UserInfoResource(TokenVerifier verifier, OrgClient org) {
        this.verifier = verifier;
        this.org = org;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The user's claims (OIDC userinfo)")
    @APIResponse(responseCode = "200", description = "sub, and profile/email claims by scope, org claims, act")
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked token (RFC 6750)")
    @APIResponse(responseCode = "403", description = "insufficient_scope: the token lacks openid")
    @APIResponse(responseCode = "503", description = "temporarily_unavailable: org-service did not answer")
    public Uni<Response> get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return userInfo(authorization);
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The user's claims (OIDC userinfo, POST)")
    @APIResponse(responseCode = "200", description = "sub, and profile/email claims by scope, org claims, act")
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked token (RFC 6750)")
    @APIResponse(responseCode = "403", description = "insufficient_scope: the token lacks openid")
    @APIResponse(responseCode = "503", description = "temporarily_unavailable: org-service did not answer")
    public Uni<Response> post(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return userInfo(authorization);
    }

    private Uni<Response> userInfo(String authorization) {
        return Uni.createFrom().deferred(() -> {
            if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                throw OAuthException.missingToken();
            }
            return verifier.active(authorization.substring(BEARER.length()).trim(), Claims.TYPE_ACCESS_TOKEN);
        }).flatMap(found -> {
            JwtClaims claims = found.orElseThrow(
                    () -> OAuthException.invalidToken("The access token is invalid, expired or revoked."));
            Set<String> scopes = Scopes.parse(claims.getClaimValueAsString(Claims.SCOPE));
            if (!scopes.contains(Scopes.OPENID)) {
                throw OAuthException.insufficientScope(Scopes.OPENID);
            }
            return claims(claims, scopes);
        })
                .map(body -> NoStore.apply(Response.ok(body, MediaType.APPLICATION_JSON_TYPE)).build())
                .onFailure().transform(OAuthErrorMapper::toOAuth);
    }

    private Uni<Map<String, Object>> claims(JwtClaims token, Set<String> scopes) {
        String subject = token.getClaimValueAsString("sub");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("sub", subject);
        if (!Claims.APPLICATION_USER.equals(token.getClaimValueAsString(Claims.AUT))) {
            return Uni.createFrom().item(answer);
        }
        return org.user(subject).map(found -> {
            OrgClient.User user = found.filter(OrgClient.User::active)
                    .orElseThrow(() -> OAuthException.invalidToken("The token's user is no longer active."));
            if (scopes.contains(Scopes.PROFILE)) {
                putIfPresent(answer, Claims.PREFERRED_USERNAME, user.username());
                putIfPresent(answer, Claims.NAME, user.displayName());
            }
            if (scopes.contains(Scopes.EMAIL)) {
                putIfPresent(answer, Claims.EMAIL, user.email());
            }
            for (String name : COPIED) {
                if (token.hasClaim(name)) {
                    answer.put(name, token.getClaimValue(name));
                }
            }
            return answer;
        });
    }

    private static void putIfPresent(Map<String, Object> answer, String name, String value) {
        if (value != null && !value.isBlank()) {
            answer.put(name, value);
        }
    }
}

package io.actas.token.oauth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.actas.token.upstream.UpstreamUnavailableException;

/**
 * The one place that answers OAuth errors at the protocol endpoints: RFC 6749 §5.2 JSON
 * ({@code {"error", "error_description"}}) with {@code Cache-Control: no-store} and {@code Pragma: no-cache}. Everything
 * else of this service answers RFC 9457 problem+json through service-support's {@code ProblemMapper}.
 */
public class OAuthErrorMapper {

    private static final Logger LOG = Logger.getLogger(OAuthErrorMapper.class);

    @ServerExceptionMapper
    public Response oauth(OAuthException e) {
        return respond(e);
    }

    /** What the OAuth endpoints answer for any failure: OAuth errors stay, upstream outages become 503, the rest 500. */
    public static OAuthException toOAuth(Throwable failure) {
        if (failure instanceof OAuthException oauth) {
            return oauth;
        }
        if (failure instanceof UpstreamUnavailableException) {
            return OAuthException.temporarilyUnavailable();
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(failure, "Unexpected failure at an OAuth endpoint (incident %s)", incident);
        return OAuthException.serverError(incident);
    }

    static Response respond(OAuthException e) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", e.error());
        if (e.description() != null) {
            body.put("error_description", e.description());
        }
        Response.ResponseBuilder response = Response.status(e.status()).type(MediaType.APPLICATION_JSON).entity(body);
        if (e.wwwAuthenticate() != null) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, e.wwwAuthenticate());
        }
        return NoStore.apply(response).build();
    }
}

package io.actas.token.oauth;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** RFC 6749 §5.1: responses carrying tokens, credentials or errors about them must not be cached. */
public final class NoStore {

    private NoStore() {
    }

    public static Response.ResponseBuilder apply(Response.ResponseBuilder response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache");
    }
}

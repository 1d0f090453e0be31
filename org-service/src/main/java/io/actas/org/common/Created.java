package io.actas.org.common;

import java.net.URI;

import org.jboss.resteasy.reactive.RestResponse;

/** A {@code 201 Created} answer with the new resource's {@code Location} and representation. */
public final class Created {

    private Created() {
    }

    public static <T> RestResponse<T> at(String location, T body) {
        return RestResponse.ResponseBuilder.<T> created(URI.create(location)).entity(body).build();
    }
}

package io.actas.token.oauth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * The parameters of an OAuth request, read the way RFC 6749 §3.1 and §3.2 require: a parameter without a value is
 * treated as omitted, and no parameter may appear more than once (except those an extension declares repeatable).
 */
public final class OAuthParameters {

    private final Map<String, List<String>> values;

    private OAuthParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    /**
     * RFC 6749 §3.2: the token endpoint takes {@code application/x-www-form-urlencoded} bodies in UTF-8; anything else is
     * an {@code invalid_request}.
     */
    public static OAuthParameters ofForm(String contentType, String body) {
        if (contentType == null || !isForm(contentType)) {
            throw OAuthException.invalidRequest("The request body must be application/x-www-form-urlencoded.");
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (body != null && !body.isEmpty()) {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        return new OAuthParameters(values);
    }

    /** Query or form parameters already decoded by the HTTP layer (the authorization endpoint). */
    public static OAuthParameters of(MultivaluedMap<String, String> parameters) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        parameters.forEach((name, list) -> values.put(name, new ArrayList<>(list)));
        return new OAuthParameters(values);
    }

    /** An OPTIONAL parameter: empty when absent or sent without a value; {@code invalid_request} when repeated. */
    public Optional<String> optional(String name) {
        List<String> list = values.get(name);
        if (list == null) {
            return Optional.empty();
        }
        if (list.size() > 1) {
            throw OAuthException.invalidRequest("Parameter '" + name + "' is included more than once.");
        }
        String value = list.get(0);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** A REQUIRED parameter: {@code invalid_request} when absent, empty or repeated. */
    public String required(String name) {
        return optional(name).orElseThrow(() -> OAuthException.invalidRequest("Parameter '" + name + "' is required."));
    }

    /** A parameter an extension allows to repeat (RFC 8693 {@code resource}, {@code audience}). */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of()).stream().filter(v -> !v.isEmpty()).toList();
    }

    public boolean has(String name) {
        return optional(name).isPresent();
    }

    /** All parameters with exactly one value, for re-posting an authorization request from the login page. */
    public Map<String, String> singleValued() {
        Map<String, String> single = new LinkedHashMap<>();
        values.forEach((name, list) -> {
            if (list.size() == 1 && !list.get(0).isEmpty()) {
                single.put(name, list.get(0));
            }
        });
        return single;
    }

    private static boolean isForm(String contentType) {
        try {
            return MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(MediaType.valueOf(contentType))
                    && !contentType.contains("*");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthException.invalidRequest("The request body is not valid form encoding.");
        }
    }
}

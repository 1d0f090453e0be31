package io.actas.token.authorize;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Adds query parameters to a registered redirect URI (RFC 6749 §3.1.2: its own query component is kept). */
final class RedirectUris {

    private RedirectUris() {
    }

    static String withParameters(String redirectUri, Map<String, String> parameters) {
        return append(redirectUri, redirectUri.contains("?") ? '&' : '?', parameters);
    }

    /** Parameters in the fragment (OIDC Core §3.2.2.5): responses that carry tokens, not a code. */
    static String withFragment(String redirectUri, Map<String, String> parameters) {
        return append(redirectUri, '#', parameters);
    }

    private static String append(String redirectUri, char first, Map<String, String> parameters) {
        StringBuilder uri = new StringBuilder(redirectUri);
        char separator = first;
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            if (parameter.getValue() == null) {
                continue;
            }
            uri.append(separator)
                    .append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return uri.toString();
    }
}

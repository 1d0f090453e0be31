package io.actas.token.authorize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Pattern;

import io.actas.token.oauth.OpaqueTokens;

/** RFC 7636 (PKCE), S256 only: {@code plain} protects nothing against an attacker who sees the request. */
public final class Pkce {

    public static final String S256 = "S256";

    /** RFC 7636 §4.1/§4.2: 43 to 128 unreserved characters (a challenge is base64url of 32 bytes: 43). */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");

    private Pkce() {
    }

    public static boolean wellFormed(String value) {
        return VERIFIER.matcher(value).matches();
    }

    /** RFC 7636 §4.6: BASE64URL-ENCODE(SHA256(ASCII(code_verifier))) == code_challenge, compared in constant time. */
    public static boolean matches(String verifier, String challenge) {
        String computed = Base64.getUrlEncoder().withoutPadding().encodeToString(OpaqueTokens.sha256(verifier));
        return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII),
                challenge.getBytes(StandardCharsets.US_ASCII));
    }
}

package io.actas.token.oauth;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Scope values and the RFC 6749 §3.3 scope string. */
public final class Scopes {

    public static final String OPENID = "openid";
    public static final String PROFILE = "profile";
    public static final String EMAIL = "email";

    /** OIDC Core §5.4 scopes every user may be granted (they only select claims). */
    public static final Set<String> OIDC = Set.of(OPENID, PROFILE, EMAIL);

    /** The admin scopes of DESIGN §6. */
    public static final List<String> ADMIN = List.of("orgs:read", "orgs:write", "policies:read", "policies:write",
            "audit:read", "audit:write", "notifications:read", "notifications:write", "clients:read", "clients:write",
            "sessions:read", "sessions:write");

    /** RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ). */
    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

    private Scopes() {
    }

    /** Splits a space-delimited scope string, keeping order and dropping duplicates. */
    public static Set<String> parse(String scope) {
        if (scope == null || scope.isBlank()) {
            return new LinkedHashSet<>();
        }
        return new LinkedHashSet<>(Arrays.asList(scope.trim().split(" +")));
    }

    public static String format(Collection<String> scopes) {
        return String.join(" ", scopes);
    }

    public static boolean valid(String scope) {
        return SCOPE_TOKEN.matcher(scope).matches();
    }
}

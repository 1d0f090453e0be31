package io.actas.support.testing;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Mints bearer tokens for tests, signed with the test key pair shipped in this test-jar ({@code test-jwt/*.pem}). A
 * service's test profile points {@code mp.jwt.verify.publickey.location} at {@code test-jwt/publicKey.pem} and
 * {@code smallrye.jwt.sign.key.location} at {@code test-jwt/privateKey.pem}.
 */
public final class TestTokens {

    public static final String ISSUER = "http://localhost:8080";

    private String subject = "test-admin";
    private String clientId = "test-client";
    private String organizationId;
    private final Set<String> scopes = new TreeSet<>();
    private Map<String, Object> act;
    private String sessionId;
    private Duration lifetime = Duration.ofMinutes(5);
    private String issuer = ISSUER;

    private TestTokens() {
    }

    /** A token for {@code test-admin} with the given scopes. */
    public static String bearer(String... scopes) {
        return token().scopes(scopes).bearer();
    }

    public static TestTokens token() {
        return new TestTokens();
    }

    public TestTokens subject(String subject) {
        this.subject = subject;
        return this;
    }

    public TestTokens client(String clientId) {
        this.clientId = clientId;
        return this;
    }

    public TestTokens organization(String organizationId) {
        this.organizationId = organizationId;
        return this;
    }

    public TestTokens scopes(String... scopes) {
        this.scopes.addAll(Arrays.asList(scopes));
        return this;
    }

    /** Makes the token impersonated: {@code act.sub} = actor, {@code imp.sid} = session. */
    public TestTokens impersonatedBy(String actorId, String sessionId) {
        this.act = new LinkedHashMap<>(Map.of("sub", actorId, "iss", issuer));
        this.sessionId = sessionId;
        return this;
    }

    public TestTokens lifetime(Duration lifetime) {
        this.lifetime = lifetime;
        return this;
    }

    public TestTokens issuer(String issuer) {
        this.issuer = issuer;
        return this;
    }

    /** The signed compact JWT. */
    public String jwt() {
        JwtClaimsBuilder claims = Jwt.issuer(issuer).subject(subject).claim("client_id", clientId)
                .claim("scope", String.join(" ", scopes)).expiresIn(lifetime).audience("actas");
        if (organizationId != null) {
            claims.claim("org_id", organizationId);
        }
        if (act != null) {
            claims.claim("act", act).claim("imp", Map.of("sid", sessionId));
        }
        return claims.jws().header("typ", "at+jwt").sign();
    }

    /** The {@code Authorization} header value. */
    public String bearer() {
        return "Bearer " + jwt();
    }
}

package io.actas.token.issue;

import java.security.Key;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.UnresolvableKeyException;

import io.actas.token.config.TokenConfig;
import io.actas.token.key.KeyAlgorithm;
import io.actas.token.key.KeyRing;
import io.actas.token.key.KeyService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.mutiny.Uni;

/**
 * Verifies tokens this server signed, against the in-memory key ring (no HTTP round trip to its own JWKS): signature,
 * {@code iss}, {@code exp}/{@code nbf} and the {@code typ} header; {@link #active} also consults the issued-token
 * record, so revoked tokens are refused.
 */
@ApplicationScoped
public class TokenVerifier {

    private static final int CLOCK_SKEW_SECONDS = 30;

    private final KeyService keys;
    private final IssuedTokenRepository issuedTokens;
    private final String[] issuers;
    private final PublicKey additionalKey;

    public TokenVerifier(KeyService keys, IssuedTokenRepository issuedTokens, TokenConfig config) {
        this.keys = keys;
        this.issuedTokens = issuedTokens;
        this.issuers = config.keys().additionalVerificationIssuer()
                .map(additional -> new String[] { config.issuer(), additional })
                .orElse(new String[] { config.issuer() });
        this.additionalKey = config.keys().additionalVerificationKeyLocation().map(TokenVerifier::readKey).orElse(null);
    }

    /** The claims of a well-signed, unexpired token of this issuer whose {@code typ} is {@code expectedType}. */
    public JwtClaims verify(String jwt, String expectedType) throws InvalidJwtException {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                .setExpectedIssuers(true, issuers)
                .setSkipDefaultAudienceValidation()
                .setExpectedType(true, expectedType)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        List.of(KeyAlgorithm.values()).stream().map(KeyAlgorithm::jwsName).toArray(String[]::new))
                .setVerificationKeyResolver(new RingResolver())
                .build();
        return consumer.processToClaims(jwt);
    }

    /** {@link #verify} plus: the token was recorded by this server and has not been revoked. */
    @WithSession
    public Uni<Optional<JwtClaims>> active(String jwt, String expectedType) {
        JwtClaims claims;
        String jti;
        try {
            claims = verify(jwt, expectedType);
            jti = claims.getJwtId();
        } catch (InvalidJwtException | MalformedClaimException e) {
            return Uni.createFrom().item(Optional.empty());
        }
        if (jti == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return issuedTokens.findById(jti)
                .map(record -> record != null && record.revokedAt == null && record.expiresAt.isAfter(Instant.now())
                        ? Optional.of(claims)
                        : Optional.<JwtClaims> empty());
    }

    private static PublicKey readKey(String location) {
        try {
            return KeyUtils.readPublicKey(location);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read actas.keys.additional-verification-key-location " + location, e);
        }
    }

    /** Picks the ring key named by {@code kid}; a token without {@code kid} only verifies with the additional key. */
    private final class RingResolver implements VerificationKeyResolver {

        @Override
        public Key resolveKey(JsonWebSignature jws, List<JsonWebStructure> nestingContext)
                throws UnresolvableKeyException {
            String kid = jws.getKeyIdHeaderValue();
            if (kid == null) {
                if (additionalKey != null) {
                    return additionalKey;
                }
                throw new UnresolvableKeyException("The token names no key");
            }
            KeyRing.Verification key = keys.ring().find(kid)
                    .orElseThrow(() -> new UnresolvableKeyException("Unknown key " + kid));
            if (!key.algorithm().jwsName().equals(jws.getAlgorithmHeaderValue())) {
                throw new UnresolvableKeyException("Key " + kid + " does not sign with " + jws.getAlgorithmHeaderValue());
            }
            return key.publicKey();
        }
    }
}

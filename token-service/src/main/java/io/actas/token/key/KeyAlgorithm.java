package io.actas.token.key;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;

/** The JWS algorithms token-service signs with (DESIGN §3): RS256 by default, ES256 and EdDSA (Ed25519) selectable. */
public enum KeyAlgorithm {

    RS256("RSA", SignatureAlgorithm.RS256),
    ES256("EC", SignatureAlgorithm.ES256),
    EdDSA("Ed25519", SignatureAlgorithm.EDDSA);

    /** RSA modulus size of new RS256 keys. */
    private static final int RSA_BITS = 2048;

    private final String keyFactory;
    private final SignatureAlgorithm jws;

    KeyAlgorithm(String keyFactory, SignatureAlgorithm jws) {
        this.keyFactory = keyFactory;
        this.jws = jws;
    }

    /** The JWS {@code alg} header value. */
    public String jwsName() {
        return jws.getAlgorithm();
    }

    public SignatureAlgorithm signatureAlgorithm() {
        return jws;
    }

    public static KeyAlgorithm ofJwsName(String alg) {
        for (KeyAlgorithm algorithm : values()) {
            if (algorithm.jwsName().equals(alg)) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("Unsupported signing algorithm " + alg);
    }

    KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(keyFactory);
            switch (this) {
                case RS256 -> generator.initialize(RSA_BITS);
                case ES256 -> generator.initialize(new ECGenParameterSpec("secp256r1"));
                case EdDSA -> {
                    // Ed25519 has a single parameter set
                }
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a " + this + " key pair", e);
        }
    }

    PrivateKey privateKey(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance(keyFactory).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Stored " + this + " private key cannot be read", e);
        }
    }
}

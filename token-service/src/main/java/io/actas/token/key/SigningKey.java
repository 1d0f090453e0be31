package io.actas.token.key;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A signing key pair; the private part is stored encrypted ({@link KeyCipher}). */
@Entity
@Table(name = "signing_key")
public class SigningKey {

    @Id
    public String kid;

    public String algorithm;

    /** The public JWK (JSON) as published in the JWKS. */
    @Column(name = "public_jwk")
    public String publicJwk;

    /** PKCS#8 private key, AES-GCM encrypted. */
    @Column(name = "private_key")
    public byte[] privateKey;

    @Column(name = "created_at")
    public Instant createdAt;

    /** When it stopped signing; {@code null} for the active key. */
    @Column(name = "retired_at")
    public Instant retiredAt;

    public boolean active() {
        return retiredAt == null;
    }
}

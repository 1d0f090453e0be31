package io.actas.token.key;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts private signing keys at rest with AES-256-GCM under the key-encryption key. The stored form is
 * {@code IV (12 bytes) || ciphertext+tag}; the key id is bound as additional authenticated data, so a ciphertext copied
 * to another row does not decrypt.
 */
public final class KeyCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;

    private final SecretKey keyEncryptionKey;
    private final SecureRandom random = new SecureRandom();

    public KeyCipher(String base64Key) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key == null ? "" : base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("actas.keys.encryption-key is not base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException("actas.keys.encryption-key must be base64 of 32 bytes, not " + key.length);
        }
        this.keyEncryptionKey = new SecretKeySpec(key, "AES");
    }

    public byte[] encrypt(String kid, byte[] plaintext) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, kid, iv);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt signing key " + kid, e);
        }
    }

    public byte[] decrypt(String kid, byte[] stored) {
        if (stored.length <= IV_BYTES) {
            throw new IllegalStateException("Stored signing key " + kid + " is truncated");
        }
        byte[] iv = new byte[IV_BYTES];
        System.arraycopy(stored, 0, iv, 0, IV_BYTES);
        try {
            return cipher(Cipher.DECRYPT_MODE, kid, iv).doFinal(stored, IV_BYTES, stored.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Signing key " + kid + " does not decrypt: is actas.keys.encryption-key the one it was stored with?");
        }
    }

    private Cipher cipher(int mode, String kid, byte[] iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, keyEncryptionKey, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}

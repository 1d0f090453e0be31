package io.actas.org.user;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person who can log in. Resident in exactly one organization, which never changes. */
@Entity
@Table(name = "users")
public class User {

    @Id
    public UUID id;

    /** Unique across the suite, stored in lower case. */
    public String username;

    public String email;

    @Column(name = "display_name")
    public String displayName;

    /** The resident organization. */
    @Column(name = "organization_id")
    public UUID organizationId;

    @Enumerated(EnumType.STRING)
    public UserStatus status;

    /** bcrypt, modular crypt format; {@code null} when the user has no password (cannot log in with one). */
    @Column(name = "password_hash")
    public String passwordHash;

    /** Consecutive failed credential verifications since the last success or unlock. */
    @Column(name = "failed_attempts")
    public int failedAttempts;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Usernames compare case-insensitively: every lookup and insert goes through this. */
    public static String normalize(String username) {
        return username == null ? null : username.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Counts a failed verification and locks the user when {@code maxFailedAttempts} consecutive failures are reached.
     *
     * @return whether this failure locked the user
     */
    public boolean recordFailure(int maxFailedAttempts) {
        failedAttempts++;
        if (status == UserStatus.ACTIVE && failedAttempts >= maxFailedAttempts) {
            changeStatus(UserStatus.LOCKED);
            return true;
        }
        return false;
    }

    /**
     * Sets the status; becoming active again (an unlock) starts the failure count afresh.
     *
     * @return whether the status changed
     */
    public boolean changeStatus(UserStatus next) {
        if (next == null || next == status) {
            return false;
        }
        status = next;
        if (next == UserStatus.ACTIVE) {
            failedAttempts = 0;
        }
        updatedAt = Instant.now();
        return true;
    }
}

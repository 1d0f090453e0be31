package io.actas.org.user;

import java.util.Locale;

/** A user's status; on the wire in lower case. Only {@code active} users pass credential verification. */
public enum UserStatus {
    ACTIVE,
    DISABLED,
    LOCKED;

    /** The regular expression request records validate against. */
    public static final String PATTERN = "active|disabled|locked";

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire value already checked against {@link #PATTERN}; {@code null} stays {@code null}. */
    public static UserStatus of(String value) {
        return value == null ? null : valueOf(value.toUpperCase(Locale.ROOT));
    }
}

package io.actas.org.organization;

import java.util.Locale;

/** An organization's status; on the wire in lower case. */
public enum OrganizationStatus {
    ACTIVE,
    DISABLED;

    /** The regular expression request records validate against. */
    public static final String PATTERN = "active|disabled";

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire value already checked against {@link #PATTERN}; {@code null} stays {@code null}. */
    public static OrganizationStatus of(String value) {
        return value == null ? null : valueOf(value.toUpperCase(Locale.ROOT));
    }
}

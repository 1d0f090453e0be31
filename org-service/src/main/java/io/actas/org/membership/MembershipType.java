package io.actas.org.membership;

import java.util.Locale;

/** {@code resident}: the user's home organization (exactly one); {@code invited}: a descendant they were invited into. */
public enum MembershipType {
    RESIDENT,
    INVITED;

    public static final String PATTERN = "resident|invited";

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MembershipType of(String value) {
        return value == null ? null : valueOf(value.toUpperCase(Locale.ROOT));
    }
}

package io.actas.org.common;

import java.security.SecureRandom;
import java.util.UUID;

import io.actas.support.ProblemException;

/**
 * Identifiers of organizations, users and memberships: RFC 9562 version 7 UUIDs, so that ordering by id is ordering by
 * creation time and keyset pagination needs one column.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** A new UUIDv7: 48 bits of Unix milliseconds, version 7, 74 random bits, variant 2 (RFC 9562 §5.7). */
    public static UUID next() {
        return v7(System.currentTimeMillis(), RANDOM.nextLong(), RANDOM.nextLong());
    }

    static UUID v7(long unixMillis, long randomHigh, long randomLow) {
        long msb = (unixMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (randomHigh & 0x0FFFL);
        long lsb = (randomLow & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    /** A path id: anything that is not a UUID names nothing, so the answer is 404. */
    public static UUID pathId(String value, String what) {
        UUID id = parse(value);
        if (id == null) {
            throw ProblemException.notFound(what, value);
        }
        return id;
    }

    /** A query-parameter id: a malformed one is a bad request. */
    public static UUID queryId(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        UUID id = parse(value);
        if (id == null) {
            throw ProblemException.badRequest("Query parameter '" + parameter + "' is not a UUID.");
        }
        return id;
    }

    private static UUID parse(String value) {
        if (value == null || value.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

package io.actas.org.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import io.actas.support.ProblemException;

/**
 * Which page of a list a caller asked for: after the item an opaque {@code cursor} names, at most {@code limit} items
 * (default {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT}). Lists are ordered by id (UUIDv7, so by creation time).
 *
 * @param after the id of the last item of the previous page, {@code null} for the first page
 */
public record PageRequest(UUID after, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    private static final String VERSION = "v1:";

    public static PageRequest of(String cursor, Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.badRequest("Query parameter 'limit' must be between 1 and " + MAX_LIMIT + ".");
        }
        return new PageRequest(decode(cursor), size);
    }

    /** The cursor that continues after {@code lastId}. */
    public static String cursorAfter(UUID lastId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((VERSION + lastId).getBytes(StandardCharsets.UTF_8));
    }

    private static UUID decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String value = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (value.startsWith(VERSION)) {
                return UUID.fromString(value.substring(VERSION.length()));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the 400 below
        }
        throw ProblemException.badRequest("Query parameter 'cursor' is not a cursor this service issued.");
    }
}

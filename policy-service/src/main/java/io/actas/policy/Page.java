package io.actas.policy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import io.actas.support.ProblemException;

/**
 * One page of a list answer, {@code {items, nextCursor}} as org-service pages users; {@code nextCursor} is opaque and
 * {@code null} on the last page.
 */
public record Page<T>(List<T> items, String nextCursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** Builds a page from {@code limit + 1} rows read from {@code offset}: the extra row says whether more follow. */
    public static <T> Page<T> of(List<T> rows, int offset, int limit) {
        boolean more = rows.size() > limit;
        return new Page<>(more ? rows.subList(0, limit) : rows, more ? encode(offset + limit) : null);
    }

    /** The row offset a cursor stands for; 0 without one. */
    public static int offset(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII));
            if (offset < 0) {
                throw new NumberFormatException();
            }
            return offset;
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("cursor is not a cursor this service issued");
        }
    }

    /** The page size asked for, checked. */
    public static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.badRequest("limit must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    private static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Integer.toString(offset).getBytes(StandardCharsets.US_ASCII));
    }
}

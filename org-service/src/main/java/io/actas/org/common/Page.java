package io.actas.org.common;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * One page of a list: the items and the cursor of the next page ({@code null} on the last page).
 */
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * Maps the rows a repository fetched for {@code request} — at most {@code limit + 1}, the extra one only telling that
     * another page exists.
     */
    public static <E, T> Page<T> of(List<E> rows, PageRequest request, Function<E, UUID> id, Function<E, T> view) {
        boolean more = rows.size() > request.limit();
        List<E> page = more ? rows.subList(0, request.limit()) : rows;
        String next = more ? PageRequest.cursorAfter(id.apply(page.get(page.size() - 1))) : null;
        return new Page<>(page.stream().map(view).toList(), next);
    }
}

package io.actas.org.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.actas.support.ProblemException;

@Tag("unit")
class PageRequestTest {

    @Test
    void cursorRoundTripsAndDoesNotShowTheIdInClear() {
        UUID last = UUID.randomUUID();
        String cursor = PageRequest.cursorAfter(last);
        assertFalse(cursor.contains(last.toString()));
        assertEquals(last, PageRequest.of(cursor, null).after());
    }

    @Test
    void limitDefaultsTo50AndAllowsUpTo200() {
        assertEquals(50, PageRequest.of(null, null).limit());
        assertEquals(200, PageRequest.of(null, 200).limit());
        assertEquals(400, assertThrows(ProblemException.class, () -> PageRequest.of(null, 201)).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> PageRequest.of(null, 0)).status());
    }

    @Test
    void forgedCursorsAreBadRequests() {
        String notOurs = Base64.getUrlEncoder().encodeToString("v2:whatever".getBytes(StandardCharsets.UTF_8));
        for (String cursor : List.of("%%%", notOurs, PageRequest.cursorAfter(UUID.randomUUID()).substring(3))) {
            assertEquals(400, assertThrows(ProblemException.class, () -> PageRequest.of(cursor, 10)).status());
        }
    }

    @Test
    void pageOfLimitPlusOneRowsHasANextCursorPointingAtItsLastItem() {
        List<UUID> rows = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        PageRequest request = PageRequest.of(null, 2);

        Page<String> page = Page.of(rows, request, id -> id, UUID::toString);

        assertEquals(List.of(rows.get(0).toString(), rows.get(1).toString()), page.items());
        assertEquals(rows.get(1), PageRequest.of(page.nextCursor(), 2).after());
        assertNull(Page.of(rows.subList(0, 2), request, id -> id, UUID::toString).nextCursor());
    }
}

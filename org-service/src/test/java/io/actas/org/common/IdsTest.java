package io.actas.org.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.actas.support.ProblemException;

@Tag("unit")
class IdsTest {

    @Test
    void nextIsVersion7WithRfcVariant() {
        UUID id = Ids.next();
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
    }

    @Test
    void v7CarriesTheMillisecondsInTheTop48BitsSoIdsSortByTime() {
        UUID earlier = Ids.v7(1_700_000_000_000L, -1L, -1L);
        UUID later = Ids.v7(1_700_000_000_001L, 0L, 0L);
        assertEquals(1_700_000_000_000L, earlier.getMostSignificantBits() >>> 16);
        // PostgreSQL compares uuids as unsigned bytes, as the string form sorts
        assertTrue(earlier.toString().compareTo(later.toString()) < 0);
    }

    @Test
    void pathIdWhenMalformedThenNotFound() {
        ProblemException e = assertThrows(ProblemException.class, () -> Ids.pathId("abc", "User"));
        assertEquals(404, e.status());
    }

    @Test
    void queryIdWhenMalformedThenBadRequestAndWhenBlankThenNoFilter() {
        assertEquals(400, assertThrows(ProblemException.class, () -> Ids.queryId("abc", "organizationId")).status());
        assertEquals(null, Ids.queryId("", "organizationId"));
        UUID id = UUID.randomUUID();
        assertEquals(id, Ids.queryId(id.toString(), "organizationId"));
    }
}

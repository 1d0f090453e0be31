package io.actas.audit.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import io.actas.support.ProblemException;

/** The position after which the next page starts: the last item's time and chain position, opaque to callers. */
public record PageCursor(Instant time, long seq) {

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, time);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + ":" + seq).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws ProblemException 400 when the text is not a cursor this service gave out */
    public static PageCursor decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split(":");
            if (parts.length != 2) {
                throw new IllegalArgumentException();
            }
            return new PageCursor(Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS), Long.parseLong(parts[1]));
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw ProblemException.badRequest("cursor is not a cursor returned by this API.");
        }
    }
}

package io.actas.token.session;

import java.util.Optional;

/** Filters of the session list; each empty one matches everything. */
public record SessionFilter(Optional<String> actorId, Optional<String> subjectId, Optional<String> clientId,
        Optional<String> status) {

    /** The same filter, restricted to the sessions impersonating {@code subjectId}. */
    public SessionFilter forSubject(String subjectId) {
        return new SessionFilter(actorId, Optional.of(subjectId), clientId, status);
    }
}

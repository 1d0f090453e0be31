package io.actas.events;

import java.util.List;

/**
 * CloudEvents {@code type} values. The JSON Schema of each type's {@code data} is shipped in this jar at
 * {@code META-INF/actas/schemas/<type>.schema.json}.
 */
public final class EventTypes {

    // impersonation.events
    public static final String SESSION_STARTED = "io.actas.impersonation.session.started";
    public static final String TOKEN_ISSUED = "io.actas.impersonation.token.issued";
    public static final String ORG_SWITCHED = "io.actas.impersonation.org.switched";
    public static final String SESSION_ENDED = "io.actas.impersonation.session.ended";
    public static final String DENIED = "io.actas.impersonation.denied";

    // audit.events
    public static final String RESOURCE_CREATED = "io.actas.resource.created";
    public static final String RESOURCE_MODIFIED = "io.actas.resource.modified";
    public static final String RESOURCE_DELETED = "io.actas.resource.deleted";

    // directory.events
    public static final String USER_STATUS_CHANGED = "io.actas.directory.user.status.changed";
    public static final String ROLE_ASSIGNMENT_REMOVED = "io.actas.directory.role.assignment.removed";

    /** Every type above, for schema publication and consumers that route by type. */
    public static final List<String> ALL = List.of(SESSION_STARTED, TOKEN_ISSUED, ORG_SWITCHED, SESSION_ENDED, DENIED,
            RESOURCE_CREATED, RESOURCE_MODIFIED, RESOURCE_DELETED, USER_STATUS_CHANGED, ROLE_ASSIGNMENT_REMOVED);

    /** Class-path location of the JSON Schema of a type's {@code data}. */
    public static String schemaResource(String type) {
        return "META-INF/actas/schemas/" + type + ".schema.json";
    }

    private EventTypes() {
    }
}

package io.actas.notification.template;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.actas.events.EventTypes;

/** The mails this service sends, each with the variables its templates may use. */
public enum TemplateType {

    /** To the subject when an impersonation session starts ({@link EventTypes#SESSION_STARTED}). */
    SESSION_STARTED("session-started", EventTypes.SESSION_STARTED, List.of(Variables.SUBJECT_NAME, Variables.ACTOR_NAME,
            Variables.APPLICATION, Variables.ORGANIZATION, Variables.START_TIME, Variables.REASON, Variables.SESSION_ID)),

    /** To the subject when the session ends, if the organization asks for it ({@link EventTypes#SESSION_ENDED}). */
    SESSION_ENDED("session-ended", EventTypes.SESSION_ENDED, List.of(Variables.SUBJECT_NAME, Variables.ACTOR_NAME,
            Variables.APPLICATION, Variables.ORGANIZATION, Variables.START_TIME, Variables.REASON, Variables.SESSION_ID,
            Variables.END_TIME, Variables.END_REASON));

    private final String id;
    private final String eventType;
    private final List<String> variables;

    TemplateType(String id, String eventType, List<String> variables) {
        this.id = id;
        this.eventType = eventType;
        this.variables = variables;
    }

    /** The name in URLs and in the delivery log ({@code kind}). */
    public String id() {
        return id;
    }

    public String eventType() {
        return eventType;
    }

    public List<String> variables() {
        return variables;
    }

    public static Optional<TemplateType> of(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }

    public static Optional<TemplateType> forEvent(String eventType) {
        return Arrays.stream(values()).filter(t -> t.eventType.equals(eventType)).findFirst();
    }

    /** Names of the template variables. */
    public static final class Variables {
        public static final String SUBJECT_NAME = "subjectName";
        public static final String ACTOR_NAME = "actorName";
        public static final String APPLICATION = "application";
        public static final String ORGANIZATION = "organization";
        public static final String START_TIME = "startTime";
        public static final String REASON = "reason";
        public static final String SESSION_ID = "sessionId";
        public static final String END_TIME = "endTime";
        public static final String END_REASON = "endReason";

        private Variables() {
        }
    }
}

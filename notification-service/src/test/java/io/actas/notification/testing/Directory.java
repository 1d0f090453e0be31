package io.actas.notification.testing;

import java.util.UUID;

/** A fresh organization with an actor and a subject in org-service's stub, each with unique ids and addresses. */
public record Directory(String organizationId, String actorId, String subjectId, String subjectEmail) {

    public static final String ORGANIZATION_NAME = "Acme Corp";
    public static final String ACTOR_NAME = "Alice Support";
    public static final String SUBJECT_NAME = "Bob Example";

    /** An organization (optionally under ancestors, root first) with an actor and a subject. */
    public static Directory create(String... ancestorIds) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Directory directory = new Directory("org-" + unique, "actor-" + unique, "subject-" + unique,
                "subject-" + unique + "@example.test");
        OrgServiceStub.organization(directory.organizationId, ORGANIZATION_NAME, ancestorIds);
        OrgServiceStub.user(directory.actorId, ACTOR_NAME, "actor-" + unique + "@example.test", directory.organizationId);
        OrgServiceStub.user(directory.subjectId, SUBJECT_NAME, directory.subjectEmail, directory.organizationId);
        return directory;
    }

    /** A root organization of its own, for trees. */
    public static String organization(String name, String... ancestorIds) {
        String id = "org-" + UUID.randomUUID().toString().substring(0, 8);
        OrgServiceStub.organization(id, name, ancestorIds);
        return id;
    }

    public SessionEvents session() {
        return SessionEvents.session(actorId, subjectId, organizationId);
    }
}

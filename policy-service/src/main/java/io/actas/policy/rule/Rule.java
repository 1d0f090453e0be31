package io.actas.policy.rule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import io.actas.policy.directory.DirectoryUser;

/**
 * An impersonation rule compiled for evaluation: sets instead of lists, the username pattern compiled. Empty sets match
 * anything; {@code scopes == null} grants without a limit of its own.
 */
public record Rule(String id, String name, int priority, boolean deny, Set<String> actorUsers, Set<String> actorRoles,
        Set<String> subjectUsers, Set<String> subjectRoles, UsernamePattern usernamePattern, Set<String> excludedRoles,
        Set<String> clients, Set<String> organizations, Instant validFrom, Instant validUntil, Set<String> scopes,
        Integer maxSessionSeconds, boolean reasonRequired, boolean refreshAllowed, boolean chainingAllowed,
        Instant createdAt) {

    /** Compiles a stored, {@link PolicyRequest#normalized() normalized} rule. */
    public static Rule compile(String id, PolicyRequest rule, Instant createdAt) {
        PolicyRequest.Grants grants = rule.grants();
        return new Rule(id, rule.name(), rule.priority(), PolicyRequest.DENY.equals(rule.effect()),
                Set.copyOf(rule.actors().users()), Set.copyOf(rule.actors().roles()),
                Set.copyOf(rule.subjects().users()), Set.copyOf(rule.subjects().roles()),
                rule.subjects().usernamePattern() == null ? null : UsernamePattern.parse(rule.subjects().usernamePattern()),
                Set.copyOf(rule.subjects().excludedRoles()), Set.copyOf(rule.clients()), Set.copyOf(rule.organizations()),
                rule.validFrom(), rule.validUntil(), grants.scopes() == null ? null : Set.copyOf(grants.scopes()),
                grants.maxSessionSeconds(), grants.reasonRequired(), grants.refreshAllowed(), grants.chainingAllowed(),
                createdAt);
    }

    public String effect() {
        return deny ? PolicyRequest.DENY : PolicyRequest.ALLOW;
    }

    public boolean matchesActor(String actorId, Set<String> actorRoleIds) {
        return (actorUsers.isEmpty() && actorRoles.isEmpty()) || actorUsers.contains(actorId)
                || !Collections.disjoint(actorRoles, actorRoleIds);
    }

    public boolean matchesClient(String clientId) {
        return clients.isEmpty() || clients.contains(clientId);
    }

    public boolean matchesOrganization(String organizationId) {
        return organizations.isEmpty() || organizations.contains(organizationId);
    }

    public boolean activeAt(Instant now) {
        return (validFrom == null || !now.isBefore(validFrom)) && (validUntil == null || now.isBefore(validUntil));
    }

    public boolean matchesSubject(DirectoryUser subject, Set<String> subjectRoleIds) {
        return listsSubject(subject.id(), subjectRoleIds)
                && (usernamePattern == null || usernamePattern.matches(subject.username()))
                && Collections.disjoint(excludedRoles, subjectRoleIds);
    }

    private boolean listsSubject(String subjectId, Set<String> subjectRoleIds) {
        return (subjectUsers.isEmpty() && subjectRoles.isEmpty()) || subjectUsers.contains(subjectId)
                || !Collections.disjoint(subjectRoles, subjectRoleIds);
    }

    /** Why the rule does not match (empty when it does), for {@code ?explain=true}. */
    public List<String> mismatches(String actorId, Set<String> actorRoleIds, String clientId, String organizationId,
            DirectoryUser subject, Set<String> subjectRoleIds, Instant now) {
        List<String> why = new ArrayList<>();
        if (!matchesActor(actorId, actorRoleIds)) {
            why.add("actor is neither listed nor holds a listed role");
        }
        if (!matchesClient(clientId)) {
            why.add("client " + clientId + " is not among " + sorted(clients));
        }
        if (!matchesOrganization(organizationId)) {
            why.add("organization " + organizationId + " is not among " + sorted(organizations));
        }
        if (!activeAt(now)) {
            why.add("outside the validity window [" + validFrom + ", " + validUntil + ")");
        }
        if (!listsSubject(subject.id(), subjectRoleIds)) {
            why.add("subject is neither listed nor holds a listed role");
        }
        if (usernamePattern != null && !usernamePattern.matches(subject.username())) {
            why.add("subject username does not match " + usernamePattern.source());
        }
        if (!Collections.disjoint(excludedRoles, subjectRoleIds)) {
            why.add("subject holds an excluded role");
        }
        return why;
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}

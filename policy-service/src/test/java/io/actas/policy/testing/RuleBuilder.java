package io.actas.policy.testing;

import java.time.Instant;
import java.util.List;

import io.actas.policy.rule.PolicyRequest;
import io.actas.policy.rule.Rule;

/** Builds impersonation rules for tests: as an API request, or compiled for the engine. */
public final class RuleBuilder {

    private final String name;
    private final String effect;
    private Integer priority;
    private List<String> actorUsers;
    private List<String> actorRoles;
    private List<String> subjectUsers;
    private List<String> subjectRoles;
    private String usernamePattern;
    private List<String> excludedRoles;
    private List<String> clients;
    private List<String> organizations;
    private Instant validFrom;
    private Instant validUntil;
    private List<String> scopes;
    private Integer maxSessionSeconds;
    private Boolean reasonRequired;
    private Boolean refreshAllowed;
    private Boolean chainingAllowed;

    private RuleBuilder(String name, String effect) {
        this.name = name;
        this.effect = effect;
    }

    public static RuleBuilder allow(String name) {
        return new RuleBuilder(name, PolicyRequest.ALLOW);
    }

    public static RuleBuilder deny(String name) {
        return new RuleBuilder(name, PolicyRequest.DENY);
    }

    public RuleBuilder priority(int priority) {
        this.priority = priority;
        return this;
    }

    public RuleBuilder actorUsers(String... ids) {
        this.actorUsers = List.of(ids);
        return this;
    }

    public RuleBuilder actorRoles(String... ids) {
        this.actorRoles = List.of(ids);
        return this;
    }

    public RuleBuilder subjectUsers(String... ids) {
        this.subjectUsers = List.of(ids);
        return this;
    }

    public RuleBuilder subjectRoles(String... ids) {
        this.subjectRoles = List.of(ids);
        return this;
    }

    public RuleBuilder usernamePattern(String pattern) {
        this.usernamePattern = pattern;
        return this;
    }

    public RuleBuilder excludedRoles(String... ids) {
        this.excludedRoles = List.of(ids);
        return this;
    }

    public RuleBuilder clients(String... ids) {
        this.clients = List.of(ids);
        return this;
    }

    public RuleBuilder organizations(String... ids) {
        this.organizations = List.of(ids);
        return this;
    }

    public RuleBuilder validFrom(Instant from) {
        this.validFrom = from;
        return this;
    }

    public RuleBuilder validUntil(Instant until) {
        this.validUntil = until;
        return this;
    }

    public RuleBuilder scopes(String... scopes) {
        this.scopes = List.of(scopes);
        return this;
    }

    public RuleBuilder maxSessionSeconds(int seconds) {
        this.maxSessionSeconds = seconds;
        return this;
    }

    public RuleBuilder reasonRequired() {
        this.reasonRequired = true;
        return this;
    }

    public RuleBuilder refreshAllowed() {
        this.refreshAllowed = true;
        return this;
    }

    public RuleBuilder chainingAllowed() {
        this.chainingAllowed = true;
        return this;
    }

    /** The rule as {@code POST /api/v1/impersonation-policies} takes it. */
    public PolicyRequest request() {
        return new PolicyRequest(name, null, priority, effect, null,
                actorUsers == null && actorRoles == null ? null : new PolicyRequest.Actors(actorUsers, actorRoles),
                subjectUsers == null && subjectRoles == null && usernamePattern == null && excludedRoles == null ? null
                        : new PolicyRequest.Subjects(subjectUsers, subjectRoles, usernamePattern, excludedRoles),
                clients, organizations, validFrom, validUntil,
                new PolicyRequest.Grants(scopes, maxSessionSeconds, reasonRequired, refreshAllowed, chainingAllowed));
    }

    /** The rule as the engine evaluates it. */
    public Rule compile(String id, Instant createdAt) {
        return Rule.compile(id, request().normalized(), createdAt);
    }
}

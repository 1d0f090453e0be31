package io.actas.policy.rule;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.actas.policy.role.Permissions;

/**
 * An impersonation rule as written through the API. Lists left out match anything (no clients = every client); within a
 * list any entry matches. See the README's "Rule language".
 */
@ValidPolicy
@Schema(name = "PolicyRequest", example = """
        {"name": "Support agents of org A", "priority": 10, "effect": "allow",
         "actors": {"roles": ["<support agent role id>"]},
         "subjects": {"excludedRoles": ["<admin role id>"]},
         "clients": ["support-console"], "organizations": ["<org A id>"],
         "grants": {"maxSessionSeconds": 900, "reasonRequired": true, "refreshAllowed": false}}""")
public record PolicyRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 1000) String description,
        @Schema(description = "lower first; ties by creation time. Default 100") @Min(0) @Max(1_000_000) Integer priority,
        @Schema(enumeration = {
                "allow", "deny" }) @NotNull @Pattern(regexp = "allow|deny", message = "must be allow or deny") String effect,
        @Schema(description = "default true") Boolean enabled,
        @Valid Actors actors,
        @Valid Subjects subjects,
        @Schema(description = "client ids; none = every client") @Size(max = 100) List<@NotBlank @Size(max = 200) String> clients,
        @Schema(description = "organization ids the impersonation happens in; none = every organization") @Size(max = 100) List<@NotBlank @Size(max = 64) String> organizations,
        Instant validFrom,
        Instant validUntil,
        @Valid Grants grants){

    public static final int DEFAULT_PRIORITY = 100;
    public static final String ALLOW = "allow";
    public static final String DENY = "deny";

    /** Who acts: the actor is one of {@code users} or holds one of {@code roles} (role ids). */
    public record Actors(
            @Size(max = 1000) List<@NotBlank @Size(max = 64) String> users,
            @Size(max = 100) List<@NotBlank @Size(max = 36) String> roles) {

        boolean empty() {
            return isEmpty(users) && isEmpty(roles);
        }
    }

    /**
     * Who may be impersonated: one of {@code users} or a holder of one of {@code roles} (when either is given), and whose
     * username matches {@code usernamePattern} (when given), and who holds none of {@code excludedRoles}.
     */
    public record Subjects(
            @Size(max = 1000) List<@NotBlank @Size(max = 64) String> users,
            @Size(max = 100) List<@NotBlank @Size(max = 36) String> roles,
            @Schema(description = "glob:test* (default syntax) or regex:^test-[0-9]+$, case-insensitive") String usernamePattern,
            @Size(max = 100) List<@NotBlank @Size(max = 36) String> excludedRoles) {

        boolean empty() {
            return isEmpty(users) && isEmpty(roles) && usernamePattern == null && isEmpty(excludedRoles);
        }
    }

    /**
     * What an allow rule grants. {@code scopes} left out = no limit beyond the subject's own permissions.
     */
    public record Grants(
            @Size(max = 100) List<@NotBlank @Size(max = 200) @Pattern(regexp = Permissions.SCOPE_TOKEN, message = "must be an OAuth scope token (RFC 6749 §3.3)") String> scopes,
            @Schema(description = "default 900 (actas.policy.default-max-session-seconds)") @Min(60) @Max(86_400) Integer maxSessionSeconds,
            @Schema(description = "default false") Boolean reasonRequired,
            @Schema(description = "default false") Boolean refreshAllowed,
            @Schema(description = "default false: an actor token that already carries act is refused") Boolean chainingAllowed) {
    }

    /** The same rule with defaults filled in and empty lists for absent ones: what is stored and answered. */
    public PolicyRequest normalized() {
        Actors a = actors == null ? new Actors(null, null) : actors;
        Subjects s = subjects == null ? new Subjects(null, null, null, null) : subjects;
        Grants g = grants == null ? new Grants(null, null, null, null, null) : grants;
        return new PolicyRequest(name, description, Objects.requireNonNullElse(priority, DEFAULT_PRIORITY), effect,
                Objects.requireNonNullElse(enabled, true),
                new Actors(list(a.users()), list(a.roles())),
                new Subjects(list(s.users()), list(s.roles()), s.usernamePattern(), list(s.excludedRoles())),
                list(clients), list(organizations), validFrom, validUntil,
                new Grants(g.scopes() == null ? null : List.copyOf(g.scopes()), g.maxSessionSeconds(),
                        Objects.requireNonNullElse(g.reasonRequired(), false),
                        Objects.requireNonNullElse(g.refreshAllowed(), false),
                        Objects.requireNonNullElse(g.chainingAllowed(), false)));
    }

    /** Every role id the rule names. */
    public List<String> roleIds() {
        PolicyRequest n = normalized();
        return Stream.of(n.actors().roles(), n.subjects().roles(), n.subjects().excludedRoles())
                .flatMap(List::stream).distinct().toList();
    }

    static boolean isEmpty(List<?> list) {
        return list == null || list.isEmpty();
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values.stream().distinct().toList();
    }
}

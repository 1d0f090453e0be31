package io.actas.policy.role;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A set of permissions (scopes) for one audience, belonging to one organization. */
@Entity
@Table(name = "roles")
public class Role {

    @Id
    public String id;

    @Column(name = "organization_id")
    public String organizationId;

    public String audience;

    public String name;

    public String description;

    /** Space-separated scope tokens; a scope never contains a space (RFC 6749 §3.3). */
    public String permissions;

    /** The organization's default Impersonator role: it cannot be deleted. */
    @Column(name = "built_in")
    public boolean builtIn;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public Set<String> permissionSet() {
        return permissions == null || permissions.isBlank() ? Set.of()
                : new TreeSet<>(Arrays.asList(permissions.trim().split(" ")));
    }

    public void permissionSet(Collection<String> scopes) {
        permissions = String.join(" ", new TreeSet<>(scopes));
    }
}

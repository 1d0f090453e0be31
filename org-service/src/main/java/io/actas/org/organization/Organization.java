package io.actas.org.organization;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A node of the organization tree. Organizations do not move: {@link #path} is fixed at creation. */
@Entity
@Table(name = "organizations")
public class Organization {

    @Id
    public UUID id;

    public String handle;

    public String name;

    @Column(name = "parent_id")
    public UUID parentId;

    /** {@code /<root id>/.../<own id>/}. */
    public String path;

    @Enumerated(EnumType.STRING)
    public OrganizationStatus status;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The path of a new organization under {@code parent} ({@code null} for the root). */
    public static String pathOf(Organization parent, UUID id) {
        return (parent == null ? "/" : parent.path) + id + "/";
    }

    /** The ids of the ancestors, root first, the parent last; empty for the root. */
    public List<String> ancestorIds() {
        List<String> ids = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        return ids.subList(0, ids.size() - 1);
    }

    /** Whether this organization is a strict ancestor of {@code other}. */
    public boolean isAncestorOf(Organization other) {
        return !id.equals(other.id) && other.path.startsWith(path);
    }
}

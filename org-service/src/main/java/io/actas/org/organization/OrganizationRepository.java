package io.actas.org.organization;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.actas.org.common.PageRequest;
import io.actas.org.common.Query;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OrganizationRepository implements PanacheRepositoryBase<Organization, UUID> {

    public Uni<Organization> findByHandle(String handle) {
        return find("handle", handle).firstResult();
    }

    public Uni<Organization> findRoot() {
        return find("parentId is null").firstResult();
    }

    /** At most {@code limit + 1} organizations matching the filters, after the cursor, ordered by id. */
    public Uni<List<Organization>> page(OrganizationFilter filter, PageRequest request) {
        Query query = Query.orderedBy("id")
                .where("parentId", filter.parentId())
                .where("handle", filter.handle())
                .where("status", filter.status())
                .page(request);
        return find(query.hql(), query.sort(), query.parameters()).range(0, request.limit()).list();
    }

    /**
     * Inserts the root organization unless one exists (or another replica is inserting it right now).
     *
     * @return whether this call inserted it
     */
    public Uni<Boolean> insertRootIfAbsent(UUID id, String handle, String name, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into organizations (id, handle, name, parent_id, path, status, created_at, updated_at)
                values (:id, :handle, :name, null, :path, 'ACTIVE', :now, :now)
                on conflict do nothing""")
                .setParameter("id", id)
                .setParameter("handle", handle)
                .setParameter("name", name)
                .setParameter("path", Organization.pathOf(null, id))
                .setParameter("now", now)
                .executeUpdate())
                .map(inserted -> inserted > 0);
    }
}

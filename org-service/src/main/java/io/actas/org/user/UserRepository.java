package io.actas.org.user;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.actas.org.common.PageRequest;
import io.actas.org.common.Query;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, UUID> {

    public Uni<User> findByUsername(String username) {
        return find("username", User.normalize(username)).firstResult();
    }

    /** At most {@code limit + 1} users matching the filters, after the cursor, ordered by id. */
    public Uni<List<User>> page(UserFilter filter, PageRequest request) {
        Query query = Query.orderedBy("id")
                .where("organizationId", filter.organizationId())
                .where("username", User.normalize(filter.username()))
                .where("email", filter.email())
                .where("status", filter.status())
                .page(request);
        return find(query.hql(), query.sort(), query.parameters()).range(0, request.limit()).list();
    }

    /** Sets the failure count back to zero after a successful verification, unless it already is. */
    public Uni<Integer> resetFailedAttempts(UUID id) {
        return update("failedAttempts = 0 where id = ?1 and failedAttempts > 0", id);
    }

    /**
     * Inserts the first user of the suite, unless any user exists or another replica is inserting the same username.
     *
     * @return whether this call inserted it
     */
    public Uni<Boolean> insertFirstUser(User user) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into users (id, username, email, display_name, organization_id, status, password_hash,
                                   failed_attempts, created_at, updated_at)
                select cast(:id as uuid), cast(:username as text), cast(:email as text), cast(:displayName as text),
                       cast(:organizationId as uuid), 'ACTIVE', cast(:passwordHash as text), 0,
                       cast(:now as timestamptz), cast(:now as timestamptz)
                where not exists (select 1 from users)
                on conflict do nothing""")
                .setParameter("id", user.id)
                .setParameter("username", user.username)
                .setParameter("email", user.email)
                .setParameter("displayName", user.displayName)
                .setParameter("organizationId", user.organizationId)
                .setParameter("passwordHash", user.passwordHash)
                .setParameter("now", user.createdAt)
                .executeUpdate())
                .map(inserted -> inserted > 0);
    }
}

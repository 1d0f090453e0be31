package io.actas.policy.rule;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ImpersonationPolicyRepository implements PanacheRepositoryBase<ImpersonationPolicy, String> {

    private static final String ORDER = " order by priority, createdAt, id";

    public Uni<List<ImpersonationPolicy>> page(int offset, int limit) {
        return find("from ImpersonationPolicy" + ORDER).range(offset, offset + limit).list();
    }

    public Uni<List<ImpersonationPolicy>> enabled() {
        return list("enabled = true" + ORDER);
    }

    /** How many rules name the role as an actor role, a subject role or an excluded role. */
    public Uni<Long> countReferencing(String roleId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                select count(*) from impersonation_policies p, lateral (select cast(p.definition as jsonb) as d) j
                where j.d -> 'actors' -> 'roles' @> jsonb_build_array(cast(:role as text))
                   or j.d -> 'subjects' -> 'roles' @> jsonb_build_array(cast(:role as text))
                   or j.d -> 'subjects' -> 'excludedRoles' @> jsonb_build_array(cast(:role as text))""", Long.class)
                .setParameter("role", roleId)
                .getSingleResult());
    }
}

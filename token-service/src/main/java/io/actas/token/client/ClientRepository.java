package io.actas.token.client;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ClientRepository implements PanacheRepositoryBase<Client, String> {

    /** Clients ordered by id, starting after {@code cursor} (keyset pagination). */
    public Uni<List<Client>> page(String cursor, int limit) {
        if (cursor == null || cursor.isBlank()) {
            return findAll(Sort.by("clientId")).page(Page.ofSize(limit)).list();
        }
        return find("clientId > ?1", Sort.by("clientId"), cursor).page(Page.ofSize(limit)).list();
    }
}

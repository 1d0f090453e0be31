package io.actas.notification.template;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class NotificationTemplateRepository implements PanacheRepositoryBase<NotificationTemplate, Long> {

    /** The templates of one type that any of these organizations has, in any locale. */
    public Uni<List<NotificationTemplate>> ofOrganizations(List<String> organizationIds, TemplateType type) {
        return list("organizationId in ?1 and type = ?2", organizationIds, type.id());
    }

    public Uni<NotificationTemplate> find(String organizationId, TemplateType type, String locale) {
        return find("organizationId = ?1 and type = ?2 and locale = ?3", organizationId, type.id(), locale).firstResult();
    }

    public Uni<Long> delete(String organizationId, TemplateType type, String locale) {
        return delete("organizationId = ?1 and type = ?2 and locale = ?3", organizationId, type.id(), locale);
    }
}

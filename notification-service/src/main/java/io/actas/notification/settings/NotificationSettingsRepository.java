package io.actas.notification.settings;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class NotificationSettingsRepository implements PanacheRepositoryBase<NotificationSettings, String> {

    /** The own settings of any of these organizations. */
    public Uni<List<NotificationSettings>> ofOrganizations(List<String> organizationIds) {
        return list("organizationId in ?1", organizationIds);
    }
}

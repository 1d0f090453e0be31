package io.actas.notification.settings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.actas.notification.org.OrgClient;
import io.actas.support.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Per-organization notification settings. An organization without settings of its own inherits those of its nearest
 * ancestor that has some (the WSO2 {@code EnableEmailNotification} inheritance), else the defaults.
 */
@ApplicationScoped
public class NotificationSettingsService {

    private final NotificationSettingsRepository repository;
    private final OrgClient orgs;

    public NotificationSettingsService(NotificationSettingsRepository repository, OrgClient orgs) {
        this.repository = repository;
        this.orgs = orgs;
    }

    /** The settings in force for an organization that org-service knows (404/503 problems otherwise). */
    public Uni<EffectiveSettings> effective(String organizationId) {
        return orgs.require(organizationId).chain(organization -> effective(organization.selfAndAncestors()));
    }

    /** The settings in force for the first organization of the chain (itself, then its parent, up to the root). */
    @WithSession
    public Uni<EffectiveSettings> effective(List<String> chain) {
        return repository.ofOrganizations(chain).map(rows -> {
            Map<String, NotificationSettings> byOrganization = rows.stream()
                    .collect(Collectors.toMap(s -> s.organizationId, Function.identity()));
            return chain.stream().filter(byOrganization::containsKey).findFirst()
                    .map(nearest -> EffectiveSettings.of(chain.get(0), byOrganization.get(nearest)))
                    .orElseGet(() -> EffectiveSettings.defaults(chain.get(0)));
        });
    }

    /** Gives the organization settings of its own, replacing any it had. */
    public Uni<EffectiveSettings> replace(String organizationId, SettingsRequest request, String changedBy) {
        return orgs.require(organizationId).chain(organization -> store(organizationId, request, changedBy));
    }

    /** Drops the organization's own settings, so that it inherits again. */
    public Uni<Void> reset(String organizationId) {
        return orgs.require(organizationId).chain(organization -> delete(organizationId));
    }

    private Uni<EffectiveSettings> store(String organizationId, SettingsRequest request, String changedBy) {
        return Panache.withTransaction(() -> repository.findById(organizationId).chain(existing -> {
            NotificationSettings settings = existing == null ? new NotificationSettings() : existing;
            settings.organizationId = organizationId;
            settings.enabled = request.enabled();
            settings.notifyOnEnd = Boolean.TRUE.equals(request.notifyOnEnd());
            settings.contacts(distinct(request.securityContacts()));
            settings.updatedAt = Instant.now();
            settings.updatedBy = changedBy;
            return repository.persist(settings);
        })).map(saved -> EffectiveSettings.of(organizationId, saved));
    }

    private Uni<Void> delete(String organizationId) {
        return Panache.withTransaction(() -> repository.deleteById(organizationId)).invoke(deleted -> {
            if (!deleted) {
                throw ProblemException.notFound("Notification settings of organization", organizationId);
            }
        }).replaceWithVoid();
    }

    /** The addresses in their given order, each once (compared case-insensitively). */
    private static List<String> distinct(List<String> addresses) {
        List<String> result = new ArrayList<>();
        if (addresses != null) {
            addresses.stream().map(String::trim)
                    .filter(a -> result.stream().noneMatch(r -> r.toLowerCase(Locale.ROOT).equals(a.toLowerCase(Locale.ROOT))))
                    .forEach(result::add);
        }
        return result;
    }
}

package io.actas.notification.template;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.actas.notification.org.OrgClient;
import io.actas.support.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Per-organization mail templates. The template of a mail is the nearest organization's (the organization itself, then
 * its parent, up to the root) in the best-matching locale ({@code de-CH}, then {@code de}, then any), else the built-in
 * one.
 */
@ApplicationScoped
public class TemplateService {

    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");

    private final NotificationTemplateRepository repository;
    private final TemplateRenderer renderer;
    private final DefaultTemplates defaults;
    private final OrgClient orgs;

    public TemplateService(NotificationTemplateRepository repository, TemplateRenderer renderer, DefaultTemplates defaults,
            OrgClient orgs) {
        this.repository = repository;
        this.renderer = renderer;
        this.defaults = defaults;
        this.orgs = orgs;
    }

    /** The template for a mail about the first organization of the chain, to a reader of the given locale. */
    public Uni<ResolvedTemplate> resolve(List<String> chain, TemplateType type, String locale) {
        List<String> locales = preference(locale);
        return Panache.withSession(() -> repository.ofOrganizations(chain, type)).map(templates -> {
            for (String organizationId : chain) {
                for (String candidate : locales) {
                    Optional<NotificationTemplate> match = templates.stream()
                            .filter(t -> t.organizationId.equals(organizationId) && t.locale.equalsIgnoreCase(candidate))
                            .findFirst();
                    if (match.isPresent()) {
                        NotificationTemplate t = match.get();
                        String source = organizationId.equals(chain.get(0)) ? ResolvedTemplate.OWN : ResolvedTemplate.INHERITED;
                        return new ResolvedTemplate(type, t.content(), source, organizationId, t.locale, t.updatedAt);
                    }
                }
            }
            return new ResolvedTemplate(type, defaults.of(type), ResolvedTemplate.DEFAULT, null, "", null);
        });
    }

    public Uni<TemplateView> get(String organizationId, String typeId, String locale) {
        TemplateType type = type(typeId);
        String normalized = normalize(locale);
        return orgs.require(organizationId)
                .chain(organization -> resolve(organization.selfAndAncestors(), type, normalized))
                .map(resolved -> resolved.view(organizationId));
    }

    public Uni<List<TemplateView>> list(String organizationId) {
        return orgs.require(organizationId).chain(organization -> Multi.createFrom().items(TemplateType.values())
                .onItem().transformToUniAndConcatenate(type -> resolve(organization.selfAndAncestors(), type, ""))
                .map(resolved -> resolved.view(organizationId))
                .collect().asList());
    }

    /** Validates and stores the organization's own template of a type and locale, replacing any it had. */
    public Uni<TemplateView> put(String organizationId, String typeId, String locale, TemplateRequest request,
            String changedBy) {
        TemplateType type = type(typeId);
        String normalized = normalize(locale);
        renderer.validate(type, request.content());
        return orgs.require(organizationId).chain(organization -> Panache.withTransaction(
                () -> repository.find(organizationId, type, normalized).chain(existing -> {
                    NotificationTemplate template = existing == null ? new NotificationTemplate() : existing;
                    template.organizationId = organizationId;
                    template.type = type.id();
                    template.locale = normalized;
                    template.subject = request.subject();
                    template.htmlBody = request.htmlBody();
                    template.textBody = request.textBody();
                    template.updatedAt = Instant.now();
                    template.updatedBy = changedBy;
                    return repository.persist(template);
                })))
                .map(saved -> new ResolvedTemplate(type, saved.content(), ResolvedTemplate.OWN, organizationId, saved.locale,
                        saved.updatedAt).view(organizationId));
    }

    /** Drops the organization's own template of a type and locale; the inherited or built-in one applies again. */
    public Uni<Void> delete(String organizationId, String typeId, String locale) {
        TemplateType type = type(typeId);
        String normalized = normalize(locale);
        return orgs.require(organizationId)
                .chain(organization -> Panache.withTransaction(() -> repository.delete(organizationId, type, normalized)))
                .invoke(deleted -> {
                    if (deleted == 0) {
                        throw ProblemException.notFound("Template of organization " + organizationId,
                                type.id() + (normalized.isEmpty() ? "" : " (" + normalized + ")"));
                    }
                }).replaceWithVoid();
    }

    /** Locales to look for, most specific first, ending with {@code ""} (any locale): de-CH → de-CH, de, "". */
    static List<String> preference(String locale) {
        List<String> locales = new ArrayList<>();
        if (locale != null && !locale.isBlank()) {
            String[] parts = locale.split("-");
            for (int i = parts.length; i > 0; i--) {
                locales.add(String.join("-", Arrays.copyOfRange(parts, 0, i)));
            }
        }
        locales.add("");
        return locales;
    }

    /** A BCP 47 language tag in its canonical case, {@code ""} when absent; 400 when it is not one. */
    static String normalize(String locale) {
        if (locale == null || locale.isBlank()) {
            return "";
        }
        if (!LOCALE.matcher(locale).matches()) {
            throw ProblemException.badRequest("'" + locale + "' is not a language tag such as en, de or pt-BR.");
        }
        return Locale.forLanguageTag(locale).toLanguageTag();
    }

    private static TemplateType type(String typeId) {
        return TemplateType.of(typeId).orElseThrow(() -> ProblemException.notFound("Template type", typeId
                + " (known: " + String.join(", ", Arrays.stream(TemplateType.values()).map(TemplateType::id).toList()) + ")"));
    }
}

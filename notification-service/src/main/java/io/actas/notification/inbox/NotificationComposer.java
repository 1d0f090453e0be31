package io.actas.notification.inbox;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.actas.notification.NotificationConfig;
import io.actas.notification.delivery.ComposedMail;
import io.actas.notification.delivery.Delivery;
import io.actas.notification.org.OrgClient;
import io.actas.notification.org.OrgUser;
import io.actas.notification.org.Organization;
import io.actas.notification.settings.EffectiveSettings;
import io.actas.notification.settings.NotificationSettingsService;
import io.actas.notification.template.ResolvedTemplate;
import io.actas.notification.template.TemplateContent;
import io.actas.notification.template.TemplateRenderer;
import io.actas.notification.template.TemplateService;
import io.actas.notification.template.TemplateType;
import io.actas.notification.template.TemplateType.Variables;
import io.smallrye.mutiny.Uni;

/**
 * Turns a recorded event into mails, at send time: the subject's address and name, the actor's name and the
 * organization (with its ancestors, for inherited settings and templates) are read from org-service now, not when the
 * session started. Fails with {@link io.actas.notification.org.OrgServiceUnavailableException} (try again later) or
 * {@link PermanentFailure}.
 */
@ApplicationScoped
public class NotificationComposer {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMMM d, yyyy 'at' HH:mm z");

    private final OrgClient orgs;
    private final NotificationSettingsService settings;
    private final TemplateService templates;
    private final TemplateRenderer renderer;
    private final ZoneId zone;
    private final String defaultLocale;

    public NotificationComposer(OrgClient orgs, NotificationSettingsService settings, TemplateService templates,
            TemplateRenderer renderer, NotificationConfig config) {
        this.orgs = orgs;
        this.settings = settings;
        this.templates = templates;
        this.renderer = renderer;
        this.zone = config.timeZone();
        this.defaultLocale = config.defaultLocale();
    }

    Uni<Composition> compose(InboundEvent event, TemplateType type) {
        return orgs.user(event.subjectId).chain(found -> {
            OrgUser subject = found.orElseThrow(() -> new PermanentFailure("The user " + event.subjectId + " does not exist"));
            String organizationId = event.organizationId != null ? event.organizationId : subject.organizationId();
            if (organizationId == null) {
                throw new PermanentFailure("Neither the event nor the user " + subject.id() + " names an organization");
            }
            return orgs.organization(organizationId).chain(organization -> {
                List<String> chain = organization.map(Organization::selfAndAncestors).orElse(List.of(organizationId));
                String organizationName = organization.map(Organization::name)
                        .orElse(event.organizationName != null ? event.organizationName : organizationId);
                return settings.effective(chain).chain(applied -> {
                    Optional<String> suppression = suppression(applied, type);
                    if (suppression.isPresent()) {
                        return Uni.createFrom().item(Composition.suppressed(organizationId, suppression.get()));
                    }
                    return mails(event, type, subject, chain, organizationName, applied);
                });
            });
        });
    }

    private Uni<Composition> mails(InboundEvent event, TemplateType type, OrgUser subject, List<String> chain,
            String organizationName, EffectiveSettings applied) {
        if (subject.email() == null || subject.email().isBlank()) {
            throw new PermanentFailure("The user " + subject.id() + " has no e-mail address");
        }
        String locale = subject.locale() != null && !subject.locale().isBlank() ? subject.locale() : defaultLocale;
        Uni<String> actorName = orgs.user(event.actorId).map(actor -> actor.map(OrgUser::name).orElse(event.actorId));
        Uni<ResolvedTemplate> template = templates.resolve(chain, type, safeLocale(locale));
        return actorName.chain(actor -> template.map(resolved -> {
            Locale language = Locale.forLanguageTag(resolved.locale().isEmpty() ? locale : resolved.locale());
            TemplateContent mail = renderer.render(resolved.content(),
                    values(event, type, subject.name(), actor, organizationName, language));
            List<ComposedMail> mails = new ArrayList<>();
            mails.add(new ComposedMail(subject.email(), Delivery.SUBJECT, mail.subject(), mail.htmlBody(), mail.textBody()));
            applied.securityContacts().stream()
                    .filter(contact -> !contact.equalsIgnoreCase(subject.email()))
                    .forEach(contact -> mails.add(new ComposedMail(contact, Delivery.SECURITY_CONTACT, mail.subject(),
                            mail.htmlBody(), mail.textBody())));
            return Composition.mails(chain.get(0), mails);
        }));
    }

    private static Optional<String> suppression(EffectiveSettings applied, TemplateType type) {
        String where = EffectiveSettings.INHERITED.equals(applied.source())
                ? " (inherited from organization " + applied.inheritedFrom() + ")"
                : "";
        if (!applied.enabled()) {
            return Optional.of("Notifications are disabled for organization " + applied.organizationId() + where);
        }
        if (type == TemplateType.SESSION_ENDED && !applied.notifyOnEnd()) {
            return Optional.of("Session-end notifications are off for organization " + applied.organizationId() + where);
        }
        return Optional.empty();
    }

    private Map<String, String> values(InboundEvent event, TemplateType type, String subjectName, String actorName,
            String organizationName, Locale language) {
        Map<String, String> values = new HashMap<>();
        values.put(Variables.SUBJECT_NAME, subjectName);
        values.put(Variables.ACTOR_NAME, actorName);
        values.put(Variables.APPLICATION, event.clientId == null ? "" : event.clientId);
        values.put(Variables.ORGANIZATION, organizationName);
        values.put(Variables.START_TIME, time(event.startedAt, language));
        values.put(Variables.REASON, event.reason == null ? "" : event.reason);
        values.put(Variables.SESSION_ID, event.sessionId);
        if (type == TemplateType.SESSION_ENDED) {
            values.put(Variables.END_TIME, time(event.endedAt, language));
            values.put(Variables.END_REASON, event.endReason == null ? "" : event.endReason.replace('_', ' '));
        }
        return values;
    }

    private String time(Instant instant, Locale language) {
        return instant == null ? "" : TIME.withLocale(language).withZone(zone).format(instant);
    }

    /** The user's locale as a language tag, or none when org-service holds something that is not one. */
    private static String safeLocale(String locale) {
        String tag = Locale.forLanguageTag(locale.replace('_', '-')).toLanguageTag();
        return "und".equals(tag) ? "" : tag;
    }
}

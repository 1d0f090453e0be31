package io.actas.notification.template;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** An organization's own template of one type, for one locale ({@code ""} = any locale). */
@Entity
@Table(name = "notification_template")
public class NotificationTemplate extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    public Long id;

    @Column(name = "organization_id")
    public String organizationId;

    @Column(name = "type")
    public String type;

    @Column(name = "locale")
    public String locale;

    @Column(name = "subject")
    public String subject;

    @Column(name = "html_body")
    public String htmlBody;

    @Column(name = "text_body")
    public String textBody;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    public TemplateContent content() {
        return new TemplateContent(subject, htmlBody, textBody);
    }
}

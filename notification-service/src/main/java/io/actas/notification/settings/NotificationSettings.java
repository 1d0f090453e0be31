package io.actas.notification.settings;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** An organization's own notification settings (without a row it inherits its nearest ancestor's). */
@Entity
@Table(name = "notification_settings")
public class NotificationSettings extends PanacheEntityBase {

    @Id
    @Column(name = "organization_id")
    public String organizationId;

    @Column(name = "enabled")
    public boolean enabled;

    @Column(name = "notify_on_end")
    public boolean notifyOnEnd;

    /** One address per line. */
    @Column(name = "security_contacts")
    public String securityContacts;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    public List<String> contacts() {
        return securityContacts == null || securityContacts.isBlank() ? List.of()
                : Arrays.stream(securityContacts.split("\n")).filter(a -> !a.isBlank()).toList();
    }

    public void contacts(List<String> addresses) {
        securityContacts = String.join("\n", addresses);
    }
}

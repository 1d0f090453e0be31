package io.actas.token.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A registered OAuth client. The secret is stored only as a bcrypt hash. */
@Entity
@Table(name = "oauth_client")
public class Client {

    @Id
    @Column(name = "client_id")
    public String clientId;

    public String name;

    /** {@code confidential} or {@code public}. */
    @Column(name = "client_type")
    public String clientType;

    @Column(name = "secret_hash")
    public String secretHash;

    @Column(name = "secret_rotated_at")
    public Instant secretRotatedAt;

    @Column(name = "redirect_uris")
    public String[] redirectUris = new String[0];

    @Column(name = "grant_types")
    public String[] grantTypes = new String[0];

    public String[] scopes = new String[0];

    /** Seconds. */
    @Column(name = "access_token_lifetime")
    public int accessTokenLifetime;

    /** Seconds. */
    @Column(name = "refresh_token_lifetime")
    public int refreshTokenLifetime;

    /** Seconds. */
    @Column(name = "impersonation_token_lifetime")
    public int impersonationTokenLifetime;

    @Column(name = "impersonation_enabled")
    public boolean impersonationEnabled;

    @Column(name = "impersonation_prompt")
    public boolean impersonationPrompt;

    /** Shared with every current and future organization. */
    @Column(name = "shared_with_all")
    public boolean sharedWithAll;

    @Column(name = "shared_organization_ids")
    public String[] sharedOrganizationIds = new String[0];

    /** The organization that owns the client, if any ({@code org_id} of its client_credentials tokens). */
    @Column(name = "organization_id")
    public String organizationId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public ClientType type() {
        return ClientType.of(clientType);
    }

    public boolean isPublic() {
        return type() == ClientType.PUBLIC;
    }

    public boolean allowsGrant(String grantType) {
        return Arrays.asList(grantTypes).contains(grantType);
    }

    public boolean allowsScope(String scope) {
        return Arrays.asList(scopes).contains(scope);
    }

    public boolean registeredRedirectUri(String uri) {
        return Arrays.asList(redirectUris).contains(uri);
    }

    public Duration accessTokenLifetime() {
        return Duration.ofSeconds(accessTokenLifetime);
    }

    public Duration refreshTokenLifetime() {
        return Duration.ofSeconds(refreshTokenLifetime);
    }

    /** Whether the client may be used in the given organization (issue 8's organization switch). */
    public boolean sharedWith(String organizationId) {
        return sharedWithAll || Arrays.asList(sharedOrganizationIds).contains(organizationId)
                || organizationId != null && organizationId.equals(this.organizationId);
    }
}

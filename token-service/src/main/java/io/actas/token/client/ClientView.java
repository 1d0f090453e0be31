package io.actas.token.client;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A registered client as the admin API shows it. {@code clientSecret} is present only in the answer that created or
 * rotated it; it is never stored in clear and cannot be read again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientView(String clientId, String name, ClientType type, List<String> redirectUris,
        List<String> grantTypes, List<String> scopes, int accessTokenLifetimeSeconds, int refreshTokenLifetimeSeconds,
        int impersonationTokenLifetimeSeconds, boolean impersonationEnabled, boolean impersonationPrompt,
        ClientRequest.Sharing sharing, String organizationId, Instant createdAt, Instant updatedAt,
        Instant secretRotatedAt, String clientSecret) {

    static ClientView of(Client client, String clientSecret) {
        return new ClientView(client.clientId, client.name, client.type(), List.of(client.redirectUris),
                List.of(client.grantTypes), List.of(client.scopes), client.accessTokenLifetime,
                client.refreshTokenLifetime, client.impersonationTokenLifetime, client.impersonationEnabled,
                client.impersonationPrompt,
                sharing(client),
                client.organizationId, client.createdAt, client.updatedAt, client.secretRotatedAt, clientSecret);
    }

    /** A page of clients; {@code nextCursor} is absent on the last page. */
    public record Page(List<ClientView> items, String nextCursor) {
    }

    /** Whom the client is shared with. */
    static ClientRequest.Sharing sharing(Client client) {
        return new ClientRequest.Sharing(client.sharedWithAll, List.of(client.sharedOrganizationIds));
    }
}

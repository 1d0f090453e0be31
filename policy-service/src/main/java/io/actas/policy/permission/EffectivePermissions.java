package io.actas.policy.permission;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a user holds through a client in an organization: the scopes token-service grants in a normal token. */
@Schema(name = "EffectivePermissions", example = """
        {"userId": "7c1e2a9b-1f3d-4e55-8a0b-9b7c2d4e6f80", "clientId": "support-console",
         "organizationId": "2f0c3c1e-6d1a-4a57-9d1e-5d7d1a0e3b11", "scopes": ["impersonation", "tickets:read"]}""")
public record EffectivePermissions(String userId, String clientId, String organizationId, List<String> scopes) {
}

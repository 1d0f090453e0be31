package io.actas.token.prompt;

/**
 * What an authorization code of the Curity flow carries besides its subject: the actor and the policy's decision. The
 * session opens when the code is redeemed.
 */
public record CodeImpersonation(String actorId, String reason, String ruleId, Integer maxSessionSeconds,
        boolean refreshAllowed) {
}

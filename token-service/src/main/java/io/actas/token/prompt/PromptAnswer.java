package io.actas.token.prompt;

import java.util.Set;

import io.actas.token.issue.UserClaims;

/**
 * The answer to "act as (optional)", ready for an authorization code: the code's user and scopes, and the impersonation
 * ({@code null} when the person chose nobody and logs in as themselves).
 */
public record PromptAnswer(UserClaims user, Set<String> scopes, CodeImpersonation impersonation) {
}

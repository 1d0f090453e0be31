package io.actas.token.authorize;

/**
 * What a successful login leads to: a redirect to the client (a code, a subject token, or an error), or — the Curity
 * flow — the "act as (optional)" prompt, identified by its one-time value.
 */
public record LoginOutcome(String redirect, String prompt) {

    static LoginOutcome redirect(String location) {
        return new LoginOutcome(location, null);
    }

    static LoginOutcome prompt(String prompt) {
        return new LoginOutcome(null, prompt);
    }
}

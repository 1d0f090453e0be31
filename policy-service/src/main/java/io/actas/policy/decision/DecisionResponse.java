package io.actas.policy.decision;

import java.util.List;

/**
 * The answer: {@code allow} with the grants of the deciding rule, or {@code deny} with the reason code
 * ({@link io.actas.events.ReasonCodes}). {@code explanation} is filled only with {@code ?explain=true}.
 */
public record DecisionResponse(String decision, String reasonCode, List<String> grantedScopes, Integer maxSessionSeconds,
        boolean reasonRequired, boolean refreshAllowed, boolean chainingAllowed, String ruleId,
        List<ExplanationEntry> explanation) {

    public static final String ALLOW = "allow";
    public static final String DENY = "deny";

    public boolean allowed() {
        return ALLOW.equals(decision);
    }
}

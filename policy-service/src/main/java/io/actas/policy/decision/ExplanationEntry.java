package io.actas.policy.decision;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One step of an explained decision: a built-in guard ({@code kind = guard}, {@code id} = the reason code it denies with,
 * {@code outcome} passed or failed) or a rule the index returned for the actor ({@code kind = rule}, {@code outcome}
 * matched or not_matched, {@code details} = why not).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExplanationEntry(String kind, String id, String name, Integer priority, String effect, String outcome,
        List<String> details) {

    public static final String GUARD = "guard";
    public static final String RULE = "rule";
    public static final String PASSED = "passed";
    public static final String FAILED = "failed";
    public static final String MATCHED = "matched";
    public static final String NOT_MATCHED = "not_matched";
}

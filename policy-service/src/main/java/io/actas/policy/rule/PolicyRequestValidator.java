package io.actas.policy.rule;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Rejects rules that cannot mean what their author wants: a rule that matches everything, an allow rule that names no
 * actor, a username pattern that does not compile, a validity window that ends before it starts. Each finding names its
 * field, so the 400 problem lists them all together with the single-field violations.
 */
public class PolicyRequestValidator implements ConstraintValidator<ValidPolicy, PolicyRequest> {

    @Override
    public boolean isValid(PolicyRequest rule, ConstraintValidatorContext context) {
        if (rule == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        boolean valid = true;
        boolean noActors = rule.actors() == null || rule.actors().empty();
        boolean noSubjects = rule.subjects() == null || rule.subjects().empty();
        if (noActors && noSubjects && PolicyRequest.isEmpty(rule.clients()) && PolicyRequest.isEmpty(rule.organizations())) {
            valid = violation(context, "actors",
                    "the rule is empty: name actors, subjects, clients or organizations for it to match");
        } else if (noActors && PolicyRequest.ALLOW.equals(rule.effect())) {
            valid = violation(context, "actors", "an allow rule must name its actors (user ids or role ids)");
        }
        if (rule.subjects() != null && rule.subjects().usernamePattern() != null) {
            try {
                UsernamePattern.parse(rule.subjects().usernamePattern());
            } catch (IllegalArgumentException e) {
                valid = violation(context, "subjects.usernamePattern", e.getMessage());
            }
        }
        if (rule.validFrom() != null && rule.validUntil() != null && !rule.validUntil().isAfter(rule.validFrom())) {
            valid = violation(context, "validUntil", "must be after validFrom");
        }
        return valid;
    }

    private static boolean violation(ConstraintValidatorContext context, String field, String message) {
        var builder = context.buildConstraintViolationWithTemplate(escape(message));
        String[] nodes = field.split("\\.");
        var node = builder.addPropertyNode(nodes[0]);
        for (int i = 1; i < nodes.length; i++) {
            node = node.addPropertyNode(nodes[i]);
        }
        node.addConstraintViolation();
        return false;
    }

    /** Messages are templates: a pattern's braces or dollars must not be read as expressions. */
    private static String escape(String message) {
        return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}

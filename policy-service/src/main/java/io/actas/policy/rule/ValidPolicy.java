package io.actas.policy.rule;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** The checks on an impersonation rule that span fields: see {@link PolicyRequestValidator}. */
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = PolicyRequestValidator.class)
public @interface ValidPolicy {

    String message() default "is not a valid impersonation rule";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

package io.actas.org.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.concurrent.CompletionException;

import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class UniqueViolationTest {

    @Test
    void hibernateReactiveUniqueViolationIsRecognisedEvenWhenWrapped() {
        var duplicate = new ConstraintViolationException("duplicate key", new SQLException("duplicate", "23505"),
                "users_username_key");
        assertTrue(UniqueViolation.is(duplicate));
        assertTrue(UniqueViolation.is(new CompletionException(duplicate)));
    }

    @Test
    void otherConstraintsAndFailuresAreNot() {
        var foreignKey = new ConstraintViolationException("fk", new SQLException("fk", "23503"), "users_organization_id_fkey");
        assertFalse(UniqueViolation.is(foreignKey));
        assertFalse(UniqueViolation.is(new IllegalStateException("boom")));
    }
}

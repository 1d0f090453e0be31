package io.actas.org.common;

import java.sql.SQLException;

import org.hibernate.JDBCException;

import io.vertx.pgclient.PgException;

/**
 * Recognises PostgreSQL's unique_violation (SQLSTATE 23505), the database's last word on duplicates under a race.
 * Hibernate Reactive reports it as a {@link org.hibernate.exception.ConstraintViolationException}; the raw client
 * exception is checked too.
 */
public final class UniqueViolation {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolation() {
    }

    public static boolean is(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String state = switch (cause) {
                case JDBCException jdbc -> jdbc.getSQLState();
                case SQLException sql -> sql.getSQLState();
                case PgException pg -> pg.getSqlState();
                default -> null;
            };
            if (UNIQUE_VIOLATION.equals(state)) {
                return true;
            }
        }
        return false;
    }
}

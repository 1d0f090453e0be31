package io.actas.org.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class UserTest {

    @Test
    void theMaxthConsecutiveFailureLocks() {
        User user = active();
        for (int failure = 1; failure < 5; failure++) {
            assertFalse(user.recordFailure(5));
        }
        assertTrue(user.recordFailure(5));
        assertEquals(UserStatus.LOCKED, user.status);
        assertEquals(5, user.failedAttempts);
    }

    @Test
    void becomingActiveAgainClearsTheCount() {
        User user = active();
        user.failedAttempts = 5;
        user.status = UserStatus.LOCKED;

        assertTrue(user.changeStatus(UserStatus.ACTIVE));

        assertEquals(0, user.failedAttempts);
        assertFalse(user.changeStatus(UserStatus.ACTIVE));
        assertFalse(user.changeStatus(null));
    }

    @Test
    void usernamesCompareInLowerCase() {
        assertEquals("alice@example.com", User.normalize(" Alice@Example.COM "));
    }

    private static User active() {
        User user = new User();
        user.status = UserStatus.ACTIVE;
        return user;
    }
}

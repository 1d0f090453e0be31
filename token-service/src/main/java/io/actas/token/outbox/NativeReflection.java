package io.actas.token.outbox;

import io.actas.events.Act;
import io.actas.events.CloudEvent;
import io.actas.events.ImpersonationDenied;
import io.actas.events.OrgSwitched;
import io.actas.events.RoleAssignmentRemoved;
import io.actas.events.SessionEnded;
import io.actas.events.SessionStarted;
import io.actas.events.TokenIssued;
import io.actas.events.UserStatusChanged;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The event records Jackson writes into the outbox and reads from {@code directory.events} live in event-contracts,
 * outside this application's index.
 */
@RegisterForReflection(targets = { CloudEvent.class, SessionStarted.class, TokenIssued.class, SessionEnded.class,
        ImpersonationDenied.class, OrgSwitched.class, Act.class, RoleAssignmentRemoved.class, UserStatusChanged.class })
final class NativeReflection {

    private NativeReflection() {
    }
}

package io.actas.notification;

import io.actas.events.Act;
import io.actas.events.SessionEnded;
import io.actas.events.SessionStarted;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The event records Jackson reads from Kafka live in event-contracts, outside this application's index. */
@RegisterForReflection(targets = { SessionStarted.class, SessionEnded.class, Act.class })
final class NativeReflection {

    private NativeReflection() {
    }
}

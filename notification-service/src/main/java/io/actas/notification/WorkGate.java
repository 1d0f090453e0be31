package io.actas.notification;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;

/**
 * Lets work (an inbox event being worked off, a mail being sent) start only while the application runs, and lets work
 * in flight finish when it stops: a restart then neither leaves claimed work behind nor sends a mail twice. Work refused
 * at shutdown stays due and is picked up after the restart.
 */
@ApplicationScoped
public class WorkGate {

    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closed;

    /** Runs the work unless the application is stopping (then completes without running it). */
    public Uni<Void> run(Supplier<Uni<Void>> work) {
        return Uni.createFrom().deferred(() -> {
            if (closed) {
                return Uni.createFrom().voidItem();
            }
            inFlight.incrementAndGet();
            return work.get().eventually(inFlight::decrementAndGet);
        });
    }

    /** False once the application is stopping. */
    public boolean open() {
        return !closed;
    }

    void onStop(@Observes ShutdownEvent event) {
        closed = true;
        long deadline = System.nanoTime() + SHUTDOWN_WAIT.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

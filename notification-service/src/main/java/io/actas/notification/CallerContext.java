package io.actas.notification;

import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Keeps a reactive pipeline on the Vert.x context it started on. The REST and mail clients may complete on another event
 * loop context; the Hibernate Reactive session of the pipeline lives in the caller's context, so the database work that
 * follows must run there.
 */
public final class CallerContext {

    private CallerContext() {
    }

    /** Subscribes to the call and delivers its outcome on the subscriber's Vert.x context. */
    public static <T> Uni<T> resumeOnCaller(Supplier<Uni<T>> call) {
        return Uni.createFrom().deferred(() -> {
            Context caller = Vertx.currentContext();
            Uni<T> outcome = call.get();
            return caller == null ? outcome : outcome.emitOn(command -> caller.runOnContext(ignored -> command.run()));
        });
    }
}

package io.actas.token.prompt;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ImpersonationPromptRepository implements PanacheRepositoryBase<ImpersonationPrompt, String> {

    /** Uses the prompt up if it is unused and unexpired; 0 when it is not. */
    public Uni<Integer> consume(String promptHash, String clientId, Instant now) {
        return update("consumedAt = ?1 where promptHash = ?2 and clientId = ?3 and consumedAt is null and expiresAt > ?1",
                now, promptHash, clientId);
    }
}

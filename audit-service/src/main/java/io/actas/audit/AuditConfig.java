package io.actas.audit;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The audit store's own settings ({@code actas.audit.*}). */
@ConfigMapping(prefix = "actas.audit")
public interface AuditConfig {

    /** How long stored events are kept (ISO-8601, e.g. {@code P365D}); unset keeps them forever. */
    Optional<Duration> retention();

    /** How often the retention job looks for events older than {@link #retention()}. */
    @WithDefault("1h")
    Duration retentionInterval();

    /** How long an ingested event may wait for Kafka's acknowledgement before the relay sends it again. */
    @WithDefault("30s")
    Duration publishRetryInterval();

    /** Page size of {@code GET /api/v1/audit-events} when the caller gives no {@code limit}. */
    @WithDefault("50")
    int defaultPageSize();

    /** The largest {@code limit} a caller may ask for. */
    @WithDefault("500")
    int maxPageSize();

    /** How often a failed batch is written again before the consumer gives up and fails (then re-reads on restart). */
    @WithDefault("20")
    int storeAttempts();
}

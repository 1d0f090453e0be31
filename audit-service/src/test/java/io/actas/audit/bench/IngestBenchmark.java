package io.actas.audit.bench;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Ingest from Kafka into PostgreSQL through the running application (its consumer, its chain, its batches), on the real
 * broker and database. Not part of {@code mvn verify}: run {@code audit-service/bench/run}. Three phases:
 * <ol>
 * <li>backlog: {@value BenchTopic#BACKLOG} events waiting before start, drained as fast as it goes;</li>
 * <li>steady: {@value #STEADY_RATE} events/s for {@value #STEADY_SECONDS} s, end-to-end lag per event;</li>
 * <li>burst: {@value #BURST} events sent at once to a running consumer, lag and rate.</li>
 * </ol>
 * Lag = {@code received_at} (set under the chain lock, just before the batch commits) minus the event's {@code time}
 * (set by the producer when it builds the record).
 */
@QuarkusTest
@Tag("bench")
@WithTestResource(value = BenchTopic.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class IngestBenchmark {

    static final int STEADY_RATE = 1000;
    static final int STEADY_SECONDS = 20;
    static final int BURST = 20_000;

    @Inject
    Pool pool;

    @Test
    void measureIngest() throws IOException {
        List<String> report = new ArrayList<>();
        report.add(String.format("%-8s %8s %10s %9s %9s %9s %9s", "phase", "events", "events/s", "lag p50", "lag p95",
                "lag p99", "lag max"));

        awaitStored("/bench/backlog", BenchTopic.BACKLOG);
        report.add(line("backlog", "/bench/backlog"));

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(BenchTopic.props())) {
            long start = System.nanoTime();
            for (int i = 0; i < STEADY_RATE * STEADY_SECONDS; i++) {
                long due = start + i * 1_000_000_000L / STEADY_RATE;
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
                producer.send(BenchTopic.record(BenchTopic.TOPIC, "/bench/steady"));
            }
            producer.flush();
        }
        awaitStored("/bench/steady", STEADY_RATE * STEADY_SECONDS);
        report.add(line("steady", "/bench/steady"));

        BenchTopic.produce(BenchTopic.TOPIC, "/bench/burst", BURST);
        awaitStored("/bench/burst", BURST);
        report.add(line("burst", "/bench/burst"));

        report.add("");
        report.add(String.format("machine: %d cores, JVM %s, PostgreSQL and Kafka on the same host", Runtime.getRuntime()
                .availableProcessors(), Runtime.version()));
        Files.createDirectories(Path.of("target/bench"));
        Files.write(Path.of("target/bench/ingest.txt"), report);
        report.forEach(System.out::println);
    }

    private void awaitStored(String source, int count) {
        await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(250))
                .until(() -> query("SELECT count(*) FROM audit_event WHERE source = $1", source).getLong(0) >= count);
    }

    /**
     * events/s from the first event's time to the last row written (for the backlog, which waited for start-up: from the
     * first row written); lag percentiles in milliseconds.
     */
    private String line(String phase, String source) {
        String from = phase.equals("backlog") ? "min(received_at)" : "min(time)";
        Row row = query("SELECT count(*),"
                + " count(*) / greatest(extract(epoch FROM max(received_at) - " + from + "), 0.001),"
                + " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM received_at - time)) * 1000,"
                + " percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM received_at - time)) * 1000,"
                + " percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM received_at - time)) * 1000,"
                + " max(extract(epoch FROM received_at - time)) * 1000"
                + " FROM audit_event WHERE source = $1", source);
        String backlogNote = phase.equals("backlog") ? " (lag includes the time the backlog waited for start-up)" : "";
        return String.format("%-8s %8d %10.0f %7.0fms %7.0fms %7.0fms %7.0fms%s", phase, row.getLong(0),
                row.getDouble(1), row.getDouble(2), row.getDouble(3), row.getDouble(4), row.getDouble(5), backlogNote);
    }

    private Row query(String sql, String source) {
        return pool.preparedQuery(sql).execute(Tuple.of(source)).await().atMost(Duration.ofSeconds(60)).iterator().next();
    }
}

package io.camelvideo.kling;

import io.camelvideo.task.testing.PostgresSupport;
import io.camelvideo.emulator.Emulator;
import io.camelvideo.emulator.EmulatorSettings;
import io.camelvideo.task.ledger.LedgerType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Durable tracking: tasks survive a stopped context (file ledger, PostgreSQL), and two instances on
 * one PostgreSQL ledger share the work without delivering a task twice.
 */
class KlingLedgerRestartTest {

    private Emulator emulator;
    private com.zaxxer.hikari.HikariDataSource pool;

    @BeforeEach
    void startEmulator() {
        // a task takes ~3.3 s; no parallel-task limit (KlingParallelLimitSharedTest covers that on PostgreSQL)
        emulator = Emulator.start(new EmulatorSettings().speed(20).klingConcurrency(0));
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
        if (pool != null) {
            pool.close();
        }
    }

    @Test
    void fileLedgerDeliversEveryTaskOnceAfterARestart(@TempDir Path ledgerDir) throws Exception {
        restartScenario(kling -> {
            kling.setLedger(LedgerType.file);
            kling.setLedgerDirectory(ledgerDir.toString());
        });
    }

    @Test
    void postgresLedgerDeliversEveryTaskOnceAfterARestart() throws Exception {
        DataSource dataSource = postgres();
        restartScenario(kling -> {
            kling.setLedger(LedgerType.jdbc);
            kling.setLedgerDataSource(dataSource);
        });
    }

    @Test
    void twoInstancesOnOnePostgresLedgerDeliverEachTaskOnceAndShareTheWork() throws Exception {
        DataSource dataSource = postgres();
        Consumer<KlingComponent> ledger = kling -> {
            kling.setLedger(LedgerType.jdbc);
            kling.setLedgerDataSource(dataSource);
        };
        TrackingNode.Deliveries deliveries = new TrackingNode.Deliveries();
        Map<String, String> submitted = new HashMap<>();
        // every task is submitted by a; both deliver, each route spending 10 ms per task (claimBatchSize 10)
        try (TrackingNode a = new TrackingNode(emulator, ledger, deliveries, true, 10);
             TrackingNode b = new TrackingNode(emulator, ledger, deliveries, true, 10)) {
            for (int i = 0; i < 200; i++) {
                submitted.put(a.submit("shared-" + i + ".txt"), "shared-" + i + ".txt");
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> deliveries.total() >= 200);
            await().atMost(Duration.ofSeconds(30)).until(() -> a.ledgerSettled(200));

            assertExactlyOnce(deliveries, submitted);
            assertThat(a.deliveredHere.get()).as("delivered by a (b: %s)", b.deliveredHere.get()).isBetween(60, 140);
        }
    }

    private void restartScenario(Consumer<KlingComponent> ledger) throws Exception {
        TrackingNode.Deliveries deliveries = new TrackingNode.Deliveries();
        Map<String, String> submitted = new HashMap<>();
        try (TrackingNode first = new TrackingNode(emulator, ledger, deliveries, true)) {
            for (int i = 0; i < 50; i++) {
                submitted.put(first.submit("prompt-" + i + ".txt"), "prompt-" + i + ".txt");
            }
        } // stopped before the tasks finished
        assertThat(deliveries.total()).isLessThan(50);

        try (TrackingNode second = new TrackingNode(emulator, ledger, deliveries, true)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> deliveries.total() >= 50);
            await().atMost(Duration.ofSeconds(30)).until(() -> second.ledgerSettled(50));
        }
        assertExactlyOnce(deliveries, submitted);
    }

    private static void assertExactlyOnce(TrackingNode.Deliveries deliveries, Map<String, String> submitted) {
        assertThat(deliveries.byTask.keySet()).containsExactlyInAnyOrderElementsOf(submitted.keySet());
        deliveries.byTask.forEach((taskId, fileNames) ->
                assertThat(fileNames).as("deliveries of %s", taskId).isEqualTo(List.of(submitted.get(taskId))));
    }

    private DataSource postgres() throws Exception {
        PostgresSupport.requirePostgres();
        pool = PostgresSupport.pooledDataSource();
        PostgresSupport.clear(pool);
        return pool;
    }
}

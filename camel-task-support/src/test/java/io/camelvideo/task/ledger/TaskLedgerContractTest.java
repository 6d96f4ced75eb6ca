package io.camelvideo.task.ledger;

import io.camelvideo.task.testing.PostgresSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link TaskLedger} promises, run against the three of them: the in-memory ledger, the
 * file ledger and PostgreSQL (the one .ci/run starts; skipped on a machine without one, failed under CI=true).
 */
class TaskLedgerContractTest {

    private static final String SCOPE = "kling:text2video";

    enum Kind {
        MEMORY, FILE, POSTGRES
    }

    @TempDir
    Path dir;

    private TaskLedger ledger;
    private com.zaxxer.hikari.HikariDataSource pool;

    private TaskLedger open(Kind kind) throws Exception {
        ledger = switch (kind) {
            case MEMORY -> new InMemoryTaskLedger();
            case FILE -> new FileTaskLedger(dir);
            case POSTGRES -> {
                PostgresSupport.requirePostgres();
                pool = PostgresSupport.pooledDataSource();
                PostgresSupport.clear(pool);
                yield new JdbcTaskLedger(pool);
            }
        };
        return ledger;
    }

    @AfterEach
    void close() {
        if (ledger != null) {
            ledger.close();
        }
        if (pool != null) {
            pool.close();
        }
    }

    private static TrackedTask task(String id, long due) {
        return TrackedTask.submitted(SCOPE, id, "ext-" + id, 1_000, Map.of("CamelFileName", id + ".txt"), "submitted", due);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aTaskGoesFromPendingToDeliveredOnceKeepingItsHeaders(Kind kind) throws Exception {
        TaskLedger ledger = open(kind);
        ledger.record(task("a", 100));
        ledger.record(task("a", 100)); // recorded twice: kept once

        assertThat(ledger.claimDue(SCOPE, 50, 10, 1_000, "one")).isEmpty();
        assertThat(ledger.claimDue(SCOPE, 200, 10, 1_000, "one")).singleElement()
                .satisfies(t -> assertThat(t.headers()).containsEntry("CamelFileName", "a.txt"));
        assertThat(ledger.claimDue(SCOPE, 300, 10, 1_000, "two")).as("claimed by one").isEmpty();
        ledger.reschedule(SCOPE, "a", "processing", 400);
        assertThat(ledger.claimDue(SCOPE, 500, 10, 1_000, "two")).singleElement()
                .satisfies(t -> assertThat(t.checks()).isEqualTo(1));
        ledger.finish(SCOPE, "a", "succeed", "{\"task_id\":\"a\"}");

        assertThat(ledger.claimFinished(SCOPE, 600, 10, 1_000, "one")).singleElement()
                .satisfies(t -> assertThat(t.result()).contains("\"a\""));
        assertThat(ledger.markDelivered(SCOPE, "a", "two")).as("not the claim's owner").isFalse();
        assertThat(ledger.markDelivered(SCOPE, "a", "one")).isTrue();
        assertThat(ledger.markDelivered(SCOPE, "a", "one")).as("only once").isFalse();
        assertThat(ledger.claimFinished(SCOPE, 5_000, 10, 1_000, "one")).isEmpty();
        assertThat(ledger.find(SCOPE, "a").state()).isEqualTo(TrackedTask.State.DELIVERED);
        assertThat(ledger.counts(SCOPE)).containsEntry(TrackedTask.State.DELIVERED, 1L);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void oneRoundsOutcomesAreRecordedTogether(Kind kind) throws Exception {
        TaskLedger ledger = open(kind);
        for (String id : new String[] {"a", "b", "c", "d"}) {
            ledger.record(task(id, 0));
        }
        assertThat(ledger.claimDue(SCOPE, 10, 10, 1_000, "one")).hasSize(4);

        ledger.recordChecks(SCOPE, java.util.List.of(CheckOutcome.running("a", "processing", 500),
                CheckOutcome.ended("b", "succeed", "{\"task_id\":\"b\"}"), CheckOutcome.running("c", "submitted", 900),
                CheckOutcome.ended("d", "failed", "{\"task_id\":\"d\"}")));

        assertThat(ledger.find(SCOPE, "a")).satisfies(t -> {
            assertThat(t.state()).isEqualTo(TrackedTask.State.PENDING);
            assertThat(t.status()).isEqualTo("processing");
            assertThat(t.nextCheckAt()).isEqualTo(500);
            assertThat(t.checks()).isEqualTo(1);
        });
        assertThat(ledger.find(SCOPE, "c").nextCheckAt()).isEqualTo(900);
        assertThat(ledger.claimDue(SCOPE, 600, 10, 1_000, "two")).as("claims dropped; only a is due at 600")
                .extracting(TrackedTask::taskId).containsExactly("a");
        assertThat(ledger.claimFinished(SCOPE, 600, 10, 1_000, "two")).extracting(TrackedTask::taskId, TrackedTask::status)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("b", "succeed"), org.assertj.core.groups.Tuple.tuple("d", "failed"));
        assertThat(ledger.find(SCOPE, "b").result()).contains("\"b\"");

        ledger.recordChecks(SCOPE, java.util.List.of(CheckOutcome.ended("b", "failed", "{}")));
        assertThat(ledger.find(SCOPE, "b").status()).as("an ended task is not changed by a late round").isEqualTo("succeed");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aClaimLapsesWithItsLeaseAndIsGivenBackOnRelease(Kind kind) throws Exception {
        TaskLedger ledger = open(kind);
        ledger.record(task("a", 0));
        ledger.record(task("b", 0));

        assertThat(ledger.claimDue(SCOPE, 10, 10, 1_000, "dead")).hasSize(2);
        assertThat(ledger.claimDue(SCOPE, 1_011, 1, 1_000, "alive")).as("a lease that ran out").hasSize(1);
        ledger.releaseClaims(SCOPE, "alive");
        assertThat(ledger.claimDue(SCOPE, 1_012, 10, 1_000, "other")).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void failedDeliveriesAreCountedAndADeadTaskIsNeverOfferedAgain(Kind kind) throws Exception {
        TaskLedger ledger = open(kind);
        ledger.record(task("a", 0));
        ledger.finish(SCOPE, "a", "succeed", "{}");
        ledger.claimFinished(SCOPE, 10, 10, 1_000, "one");

        ledger.releaseDelivery(SCOPE, "a", 100);
        assertThat(ledger.claimFinished(SCOPE, 50, 10, 1_000, "one")).as("not before the retry time").isEmpty();
        assertThat(ledger.claimFinished(SCOPE, 100, 10, 1_000, "one")).singleElement()
                .satisfies(t -> assertThat(t.attempts()).isEqualTo(1));
        assertThat(ledger.markDead(SCOPE, "a", "two")).isFalse();
        assertThat(ledger.markDead(SCOPE, "a", "one")).isTrue();

        assertThat(ledger.claimFinished(SCOPE, 10_000, 10, 1_000, "one")).isEmpty();
        assertThat(ledger.find(SCOPE, "a")).satisfies(t -> {
            assertThat(t.state()).isEqualTo(TrackedTask.State.DEAD);
            assertThat(t.result()).isEqualTo("{}");
        });
        assertThat(ledger.counts(SCOPE)).containsEntry(TrackedTask.State.DEAD, 1L).containsEntry(TrackedTask.State.FINISHED, 0L);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void ofConcurrentIntentsUnderOneKeyExactlyOneWins(Kind kind) throws Exception {
        TaskLedger ledger = open(kind);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            var attempts = threads.invokeAll(IntStream.range(0, 8)
                    .mapToObj(i -> (Callable<SubmitRecord>) () -> ledger.intend(SCOPE, "camel-key", 1_000 + i)).toList());
            long fresh = 0;
            for (Future<SubmitRecord> attempt : attempts) {
                fresh += attempt.get() == null ? 1 : 0;
            }
            assertThat(fresh).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
        ledger.submitted(SCOPE, "camel-key", "task-1", 2_000);
        assertThat(ledger.intend(SCOPE, "camel-key", 3_000)).satisfies(record -> {
            assertThat(record.state()).isEqualTo(SubmitRecord.State.CREATED);
            assertThat(record.taskId()).isEqualTo("task-1");
        });
        ledger.forget(SCOPE, "camel-key");
        assertThat(ledger.submitRecord(SCOPE, "camel-key").taskId()).as("a created task is never forgotten").isEqualTo("task-1");

        assertThat(ledger.intend(SCOPE, "refused", 4_000)).isNull();
        ledger.forget(SCOPE, "refused");
        assertThat(ledger.submitRecord(SCOPE, "refused")).isNull();
        assertThat(ledger.intend(SCOPE, "refused", 5_000)).as("free again").isNull();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theWatermarkOnlyMovesForward(Kind kind) throws Exception {
        TaskLedger ledger = open(kind);

        assertThat(ledger.watermark(SCOPE, 500)).isEqualTo(500);
        assertThat(ledger.watermark(SCOPE, 900)).as("set once").isEqualTo(500);
        ledger.advanceWatermark(SCOPE, 800);
        ledger.advanceWatermark(SCOPE, 700);
        assertThat(ledger.watermark(SCOPE, 0)).isEqualTo(800);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aTaskIsCountedOncePerAccountAndDay(Kind kind) throws Exception {
        TaskLedger ledger = open(kind);

        assertThat(ledger.recordSpend("account-a", "task-1", 20_000, 1.5)).isTrue();
        assertThat(ledger.recordSpend("account-a", "task-1", 20_000, 1.5)).as("once per task").isFalse();
        assertThat(ledger.recordSpend("account-a", "task-2", 20_000, 3.5)).isTrue();
        assertThat(ledger.recordSpend("account-a", "task-3", 20_001, 7)).isTrue();
        assertThat(ledger.recordSpend("account-b", "task-1", 20_000, 100)).as("another account's task").isTrue();

        assertThat(ledger.spent("account-a", 20_000)).isEqualTo(5.0);
        assertThat(ledger.spent("account-a", 20_001)).isEqualTo(7.0);
        assertThat(ledger.spent("account-b", 20_000)).isEqualTo(100.0);
        assertThat(ledger.spent("account-c", 20_000)).isZero();
    }
}

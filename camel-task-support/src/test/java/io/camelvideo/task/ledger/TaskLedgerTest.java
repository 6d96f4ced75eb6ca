package io.camelvideo.task.ledger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger contract on the in-memory and file ledgers (PostgreSQL: KlingLedgerRestartTest). */
class TaskLedgerTest {

    private static final String SCOPE = "kling:text2video";

    private static TrackedTask task(String id, long due) {
        return TrackedTask.submitted(SCOPE, id, "ext-" + id, 1_000, Map.of("CamelFileName", id + ".txt"), "submitted", due);
    }

    @Test
    void claimsAreExclusiveUntilTheLeaseRunsOut() {
        InMemoryTaskLedger ledger = new InMemoryTaskLedger();
        ledger.record(task("a", 100));
        ledger.record(task("b", 500));

        assertThat(ledger.claimDue(SCOPE, 200, 10, 1_000, "one")).extracting(TrackedTask::taskId).containsExactly("a");
        assertThat(ledger.claimDue(SCOPE, 600, 10, 1_000, "two")).extracting(TrackedTask::taskId).containsExactly("b");
        assertThat(ledger.claimDue(SCOPE, 1_300, 10, 1_000, "two")).extracting(TrackedTask::taskId).containsExactly("a");
    }

    @Test
    void aFinishedTaskIsDeliveredOnceAndOnlyByItsClaimOwner() {
        InMemoryTaskLedger ledger = new InMemoryTaskLedger();
        ledger.record(task("a", 0));
        ledger.claimDue(SCOPE, 10, 10, 1_000, "one");
        ledger.finish(SCOPE, "a", "succeed", "{}");

        ledger.claimFinished(SCOPE, 20, 10, 1_000, "one");
        assertThat(ledger.markDelivered(SCOPE, "a", "two")).isFalse();
        assertThat(ledger.markDelivered(SCOPE, "a", "one")).isTrue();
        assertThat(ledger.markDelivered(SCOPE, "a", "one")).isFalse();
        ledger.record(task("a", 0));
        assertThat(ledger.claimFinished(SCOPE, 30, 10, 1_000, "one")).isEmpty();
        assertThat(ledger.counts(SCOPE)).containsEntry(TrackedTask.State.DELIVERED, 1L);
    }

    @Test
    void aFailedDeliveryIsOfferedAgain() {
        InMemoryTaskLedger ledger = new InMemoryTaskLedger();
        ledger.record(task("a", 0));
        ledger.finish(SCOPE, "a", "failed", "{}");
        ledger.claimFinished(SCOPE, 10, 10, 1_000, "one");

        ledger.releaseDelivery(SCOPE, "a", 50);

        assertThat(ledger.claimFinished(SCOPE, 40, 10, 1_000, "one")).isEmpty();
        assertThat(ledger.claimFinished(SCOPE, 60, 10, 1_000, "one")).singleElement()
                .satisfies(t -> assertThat(t.status()).isEqualTo("failed"));
    }

    @Test
    void fileLedgerSurvivesAReopenAndATornLastLine(@TempDir Path dir) throws Exception {
        try (FileTaskLedger ledger = new FileTaskLedger(dir)) {
            ledger.record(task("a", 0));
            ledger.record(task("b", 0));
            ledger.finish(SCOPE, "b", "succeed", "{\"task_id\":\"b\"}");
            ledger.claimDue(SCOPE, 10, 10, 60_000, "crashed-owner");
            ledger.watermark(SCOPE, 777);
        }
        Files.writeString(dir.resolve("tasks.jsonl"), "{\"scope\":\"kling:text2video\",\"taskId\":\"c\",\"sub",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        try (FileTaskLedger reopened = new FileTaskLedger(dir)) {
            assertThat(reopened.claimDue(SCOPE, 20, 10, 1_000, "new-owner")).extracting(TrackedTask::taskId)
                    .containsExactly("a");
            assertThat(reopened.claimFinished(SCOPE, 20, 10, 1_000, "new-owner")).singleElement().satisfies(t -> {
                assertThat(t.result()).isEqualTo("{\"task_id\":\"b\"}");
                assertThat(t.headers()).containsEntry("CamelFileName", "b.txt");
            });
            assertThat(reopened.watermark(SCOPE, 999)).isEqualTo(777);
        }
    }
}

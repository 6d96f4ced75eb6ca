package io.camelvideo.task.ledger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the file ledger adds to the contract ({@link TaskLedgerContractTest}): a journal that survives reopening and torn lines, and its lock. */
class FileTaskLedgerTest {

    private static final String SCOPE = "kling:text2video";

    private static TrackedTask task(String id, long due) {
        return TrackedTask.submitted(SCOPE, id, "ext-" + id, 1_000, Map.of("CamelFileName", id + ".txt"), "submitted", due);
    }

    @Test
    void failedDeliveriesAreCountedAndADeadTaskKeepsItsResultAcrossAReopen(@TempDir Path dir) {
        try (FileTaskLedger ledger = new FileTaskLedger(dir)) {
            ledger.record(task("a", 0));
            ledger.finish(SCOPE, "a", "succeed", "{\"task_id\":\"a\"}");
            ledger.claimFinished(SCOPE, 10, 10, 1_000, "one");
            ledger.releaseDelivery(SCOPE, "a", 20);
            assertThat(ledger.claimFinished(SCOPE, 30, 10, 1_000, "one")).singleElement()
                    .satisfies(t -> assertThat(t.attempts()).isEqualTo(1));
            ledger.releaseDelivery(SCOPE, "a", 40);
        }
        try (FileTaskLedger ledger = new FileTaskLedger(dir)) {
            assertThat(ledger.claimFinished(SCOPE, 50, 10, 1_000, "two")).singleElement()
                    .satisfies(t -> assertThat(t.attempts()).isEqualTo(2));
            assertThat(ledger.markDead(SCOPE, "a", "other")).isFalse();
            assertThat(ledger.markDead(SCOPE, "a", "two")).isTrue();
            assertThat(ledger.markDead(SCOPE, "a", "two")).isFalse();
            assertThat(ledger.markDelivered(SCOPE, "a", "two")).isFalse();
        }
        try (FileTaskLedger ledger = new FileTaskLedger(dir)) {
            assertThat(ledger.claimFinished(SCOPE, 60, 10, 1_000, "three")).isEmpty();
            assertThat(ledger.find(SCOPE, "a")).satisfies(t -> {
                assertThat(t.state()).isEqualTo(TrackedTask.State.DEAD);
                assertThat(t.result()).contains("\"task_id\":\"a\"");
            });
            assertThat(ledger.counts(SCOPE)).containsEntry(TrackedTask.State.DEAD, 1L);
            assertThat(ledger.find(SCOPE, "unknown")).isNull();
        }
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

    @Test
    void watermarksAreJournalEntriesOfTheirOwnAndTheOlderTaskRowFormStillLoads(@TempDir Path dir) throws Exception {
        try (FileTaskLedger ledger = new FileTaskLedger(dir)) {
            ledger.watermark(SCOPE, 100);
            ledger.advanceWatermark(SCOPE, 250);
        }
        String journal = Files.readString(dir.resolve("tasks.jsonl"), StandardCharsets.UTF_8);
        assertThat(journal).contains("{\"watermark\":{\"scope\":\"" + SCOPE + "\",\"value\":250}}")
                .doesNotContain("\"taskId\"");

        Files.writeString(dir.resolve("tasks.jsonl"), "{\"scope\":\"watermark:legnext:jobs\",\"taskId\":\"watermark\","
                + "\"submittedAt\":4242,\"state\":\"DELIVERED\"}\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (FileTaskLedger reopened = new FileTaskLedger(dir)) {
            assertThat(reopened.watermark(SCOPE, 0)).isEqualTo(250);
            assertThat(reopened.watermark("legnext:jobs", 0)).as("written by an earlier version").isEqualTo(4242);
            assertThat(reopened.counts("watermark:legnext:jobs").values()).as("no task row").allMatch(n -> n == 0);
        }
        assertThat(Files.readString(dir.resolve("tasks.jsonl"), StandardCharsets.UTF_8)).as("compacted to the new form")
                .contains("{\"watermark\":{\"scope\":\"legnext:jobs\",\"value\":4242}}");
    }

    @Test
    void spendsSurviveAReopenAndTodaysSurviveCompaction(@TempDir Path dir) {
        long today = Math.floorDiv(System.currentTimeMillis(), 86_400_000L);
        try (FileTaskLedger ledger = new FileTaskLedger(dir)) {
            ledger.recordSpend("account", "today", today, 2);
            ledger.recordSpend("account", "long-ago", today - 400, 9);
        }
        try (FileTaskLedger reopened = new FileTaskLedger(dir)) {
            assertThat(reopened.spent("account", today)).isEqualTo(2.0);
            assertThat(reopened.recordSpend("account", "today", today, 2)).as("still counted once").isFalse();
        }
        try (FileTaskLedger compacted = new FileTaskLedger(dir)) {
            assertThat(compacted.spent("account", today)).isEqualTo(2.0);
            assertThat(compacted.spent("account", today - 400)).as("older than 30 days: left out of the compacted journal").isZero();
        }
    }

    @Test
    void fileLedgerKeepsSubmitRecordsAcrossARestart(@TempDir Path dir) {
        try (FileTaskLedger ledger = new FileTaskLedger(dir)) {
            ledger.intend(SCOPE, "in-flight", System.currentTimeMillis());
            ledger.intend(SCOPE, "done", System.currentTimeMillis());
            ledger.submitted(SCOPE, "done", "task-3", System.currentTimeMillis());
            ledger.intend(SCOPE, "refused", System.currentTimeMillis());
            ledger.forget(SCOPE, "refused");
        }
        try (FileTaskLedger reopened = new FileTaskLedger(dir)) {
            assertThat(reopened.submitRecord(SCOPE, "in-flight").state()).isEqualTo(SubmitRecord.State.INTENDED);
            assertThat(reopened.submitRecord(SCOPE, "done").taskId()).isEqualTo("task-3");
            assertThat(reopened.submitRecord(SCOPE, "refused")).isNull();
        }
    }

    @Test
    void aSecondOpenerOfAFileLedgerIsRefusedWithTheHolderNamed(@TempDir Path dir) {
        try (FileTaskLedger first = new FileTaskLedger(dir)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FileTaskLedger(dir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another process")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid())
                    .hasMessageContaining("ledger=jdbc");
        }
        try (FileTaskLedger afterClose = new FileTaskLedger(dir)) {
            assertThat(afterClose.counts(SCOPE)).isNotNull();
        }
    }
}

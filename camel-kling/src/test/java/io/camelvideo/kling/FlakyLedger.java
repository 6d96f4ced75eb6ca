package io.camelvideo.kling;

import io.camelvideo.task.ledger.InMemoryTaskLedger;
import io.camelvideo.task.ledger.SubmitRecord;
import io.camelvideo.task.ledger.TrackedTask;

/** A ledger that can be switched off: before the create (intents) or after it (created tasks, tracking). */
final class FlakyLedger extends InMemoryTaskLedger {

    volatile boolean intentsDown;
    volatile boolean recordsDown;

    @Override
    public SubmitRecord intend(String scope, String key, long now) {
        if (intentsDown) {
            throw new IllegalStateException("ledger unreachable (test)");
        }
        return super.intend(scope, key, now);
    }

    @Override
    public void submitted(String scope, String key, String taskId, long now) {
        if (recordsDown) {
            throw new IllegalStateException("ledger unreachable (test)");
        }
        super.submitted(scope, key, taskId, now);
    }

    @Override
    public void record(TrackedTask task) {
        if (recordsDown) {
            throw new IllegalStateException("ledger unreachable (test)");
        }
        super.record(task);
    }
}

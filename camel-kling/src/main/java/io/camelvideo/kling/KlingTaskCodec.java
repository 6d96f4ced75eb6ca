package io.camelvideo.kling;

import io.camelvideo.kling.model.KlingTask;
import io.camelvideo.task.tracking.JsonTaskCodec;

/** Reads Kling tasks for the tracking machinery and keeps them in the ledger as their API JSON. */
final class KlingTaskCodec extends JsonTaskCodec<KlingTask> {

    static final KlingTaskCodec INSTANCE = new KlingTaskCodec();

    private KlingTaskCodec() {
        super(KlingComponent.MAPPER, KlingTask.class);
    }

    @Override
    public String taskId(KlingTask task) {
        return task.taskId();
    }

    @Override
    public String externalId(KlingTask task) {
        return task.externalTaskId();
    }

    @Override
    public long createdAt(KlingTask task) {
        return task.createdAt();
    }

    @Override
    public String status(KlingTask task) {
        return task.taskStatus();
    }

    @Override
    public boolean isFinished(KlingTask task) {
        return task.isFinished();
    }
}

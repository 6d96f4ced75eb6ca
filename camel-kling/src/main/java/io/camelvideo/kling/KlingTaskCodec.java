package io.camelvideo.kling;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.camelvideo.kling.model.KlingTask;
import io.camelvideo.task.tracking.TaskCodec;

/** Stores Kling tasks in the ledger as their API JSON. */
final class KlingTaskCodec implements TaskCodec<KlingTask> {

    static final KlingTaskCodec INSTANCE = new KlingTaskCodec();

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

    @Override
    public String toJson(KlingTask task) {
        try {
            return KlingComponent.MAPPER.writeValueAsString(task);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public KlingTask fromJson(String json) {
        try {
            return KlingComponent.MAPPER.readValue(json, KlingTask.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tracked Kling task cannot be read back: " + e.getOriginalMessage(), e);
        }
    }
}

package io.camelvideo.legnext;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.camelvideo.legnext.model.LegnextJob;
import io.camelvideo.task.tracking.TaskCodec;

/** Stores Legnext jobs in the ledger as their API JSON. */
final class LegnextJobCodec implements TaskCodec<LegnextJob> {

    static final LegnextJobCodec INSTANCE = new LegnextJobCodec();

    @Override
    public String taskId(LegnextJob job) {
        return job.jobId();
    }

    @Override
    public String externalId(LegnextJob job) {
        return null;
    }

    @Override
    public long createdAt(LegnextJob job) {
        return job.createdAtMillis();
    }

    @Override
    public String status(LegnextJob job) {
        return job.status();
    }

    @Override
    public boolean isFinished(LegnextJob job) {
        return job.isFinished();
    }

    @Override
    public String toJson(LegnextJob job) {
        try {
            return LegnextComponent.MAPPER.writeValueAsString(job);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public LegnextJob fromJson(String json) {
        try {
            return LegnextComponent.MAPPER.readValue(json, LegnextJob.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tracked Legnext job cannot be read back: " + e.getOriginalMessage(), e);
        }
    }
}

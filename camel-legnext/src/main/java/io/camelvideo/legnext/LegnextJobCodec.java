package io.camelvideo.legnext;

import io.camelvideo.legnext.model.LegnextJob;
import io.camelvideo.task.tracking.JsonTaskCodec;

/** Reads Legnext jobs for the tracking machinery and keeps them in the ledger as their API JSON. */
final class LegnextJobCodec extends JsonTaskCodec<LegnextJob> {

    static final LegnextJobCodec INSTANCE = new LegnextJobCodec();

    private LegnextJobCodec() {
        super(LegnextComponent.MAPPER, LegnextJob.class);
    }

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
}

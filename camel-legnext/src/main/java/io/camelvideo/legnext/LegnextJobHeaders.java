package io.camelvideo.legnext;

import io.camelvideo.legnext.model.LegnextJob;
import org.apache.camel.Message;

/** Copies a job's facts into the {@code CamelLegnext...} headers (producer answers and consumer exchanges). */
final class LegnextJobHeaders {

    private LegnextJobHeaders() {
    }

    static void apply(Message message, LegnextJob job) {
        message.setHeader(LegnextConstants.JOB_ID, job.jobId());
        message.setHeader(LegnextConstants.JOB_STATUS, job.status());
        message.setHeader(LegnextConstants.TASK_TYPE, job.taskType());
        LegnextJob.Output output = job.output();
        if (output != null) {
            message.setHeader(LegnextConstants.IMAGE_URL, output.imageUrl() == null || output.imageUrl().isEmpty() ? null : output.imageUrl());
            message.setHeader(LegnextConstants.IMAGE_URLS, output.imageUrls());
            message.setHeader(LegnextConstants.VIDEO_URLS, output.videoUrls());
            message.setHeader(LegnextConstants.SEED, output.seed() == null || output.seed().isEmpty() ? null : output.seed());
        }
        if (job.meta() != null && job.meta().usage() != null) {
            message.setHeader(LegnextConstants.POINTS_FROZEN, job.meta().usage().frozen());
            message.setHeader(LegnextConstants.POINTS_CONSUMED, job.meta().usage().consume());
        }
        if (job.error() != null && job.error().code() != 0) {
            message.setHeader(LegnextConstants.ERROR_CODE, job.error().code());
            message.setHeader(LegnextConstants.ERROR_MESSAGE, job.error().message());
        } else {
            message.removeHeader(LegnextConstants.ERROR_CODE);
            message.removeHeader(LegnextConstants.ERROR_MESSAGE);
        }
    }
}

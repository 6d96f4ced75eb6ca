package io.camelvideo.legnext;

import io.camelvideo.legnext.model.LegnextJob;
import io.camelvideo.task.camel.TaskMessages;
import io.camelvideo.task.tracking.TaskCodec;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.util.concurrent.CompletableFuture;

/** A Legnext job as a message, for one endpoint: its headers, the job as body, and its image or video files. */
final class LegnextJobMessages implements TaskMessages<LegnextJob> {

    private final LegnextEndpoint endpoint;

    LegnextJobMessages(LegnextEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public TaskCodec<LegnextJob> codec() {
        return LegnextComponent.CODEC;
    }

    @Override
    public void apply(Message message, LegnextJob job) {
        LegnextJobHeaders.apply(message, job);
        message.setBody(job);
    }

    @Override
    public boolean hasResults(LegnextJob job) {
        return job.isCompleted();
    }

    @Override
    public RuntimeException failure(LegnextJob job) {
        return LegnextJob.FAILED.equals(job.status()) ? new LegnextJobFailedException(job) : null;
    }

    @Override
    public CompletableFuture<Void> download(Exchange exchange, LegnextJob job) {
        return LegnextDownloads.download(exchange, job, endpoint.getAccount().downloader(),
                endpoint.getConfiguration().getDownloadOutput());
    }

    @Override
    public String describe(LegnextJob job) {
        return "Legnext job " + job.jobId();
    }
}

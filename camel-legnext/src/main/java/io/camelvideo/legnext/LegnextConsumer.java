package io.camelvideo.legnext;

import io.camelvideo.legnext.model.LegnextJob;
import io.camelvideo.task.tracking.TaskTracker;
import io.camelvideo.task.tracking.TrackedTaskConsumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.util.concurrent.CompletableFuture;

/**
 * {@code from("legnext:<operation>")}: emits each tracked job of the operation once, when it has
 * ended, with the submitting exchange's correlation headers, the job headers, and the job (or with
 * {@code download=true} its files) as the body.
 */
public class LegnextConsumer extends TrackedTaskConsumer<LegnextJob> {

    private final LegnextEndpoint endpoint;

    LegnextConsumer(LegnextEndpoint endpoint, Processor processor, TaskTracker<LegnextJob> tracker) {
        super(endpoint, processor, tracker, endpoint.scope(), LegnextEndpoint.JOBS, endpoint.getConfiguration().getOnlyStatus(),
                endpoint.getConfiguration());
        this.endpoint = endpoint;
    }

    @Override
    protected void populate(Exchange exchange, LegnextJob job) {
        LegnextJobHeaders.apply(exchange.getMessage(), job);
        exchange.getMessage().setBody(job);
    }

    @Override
    protected CompletableFuture<Void> download(Exchange exchange, LegnextJob job) {
        if (!endpoint.getConfiguration().isDownload() || !job.isCompleted()) {
            return CompletableFuture.completedFuture(null);
        }
        return LegnextDownloads.download(exchange, job, endpoint.getAccount().downloader(),
                endpoint.getConfiguration().getDownloadOutput());
    }
}

package io.camelvideo.kling;

import io.camelvideo.kling.model.KlingTask;
import io.camelvideo.task.tracking.TaskTracker;
import io.camelvideo.task.tracking.TrackedTaskConsumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.util.concurrent.CompletableFuture;

/**
 * {@code from("kling:<kind>")}: emits each tracked task of the kind once, when it has ended, with the
 * submitting exchange's correlation headers, the task headers, and the task (or with
 * {@code download=true} its file) as the body.
 */
public class KlingConsumer extends TrackedTaskConsumer<KlingTask> {

    private final KlingEndpoint endpoint;

    KlingConsumer(KlingEndpoint endpoint, Processor processor, TaskTracker<KlingTask> tracker) {
        super(endpoint, processor, tracker, endpoint.scope(), endpoint.getKind().name(),
                endpoint.getConfiguration().getOnlyStatus(), endpoint.getConfiguration().getRequestTimeout() * 4);
        this.endpoint = endpoint;
    }

    @Override
    protected void populate(Exchange exchange, KlingTask task) {
        KlingTaskHeaders.apply(exchange.getMessage(), task);
        exchange.getMessage().setBody(task);
    }

    @Override
    protected CompletableFuture<Void> download(Exchange exchange, KlingTask task) {
        if (!endpoint.getConfiguration().isDownload() || !task.isSucceeded()) {
            return CompletableFuture.completedFuture(null);
        }
        return KlingDownloads.download(exchange, task, endpoint.getAccount().downloader(),
                endpoint.getConfiguration().getFormat());
    }
}

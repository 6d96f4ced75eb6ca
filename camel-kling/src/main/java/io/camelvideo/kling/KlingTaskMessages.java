package io.camelvideo.kling;

import io.camelvideo.kling.model.KlingTask;
import io.camelvideo.task.camel.TaskMessages;
import io.camelvideo.task.tracking.TaskCodec;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.util.concurrent.CompletableFuture;

/** A Kling task as a message, for one endpoint: its headers, the task as body, and its video or audio file. */
final class KlingTaskMessages implements TaskMessages<KlingTask> {

    private final KlingEndpoint endpoint;

    KlingTaskMessages(KlingEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public TaskCodec<KlingTask> codec() {
        return KlingComponent.CODEC;
    }

    @Override
    public void apply(Message message, KlingTask task) {
        KlingTaskHeaders.apply(message, task);
        message.setBody(task);
    }

    @Override
    public boolean hasResults(KlingTask task) {
        return task.isSucceeded();
    }

    @Override
    public RuntimeException failure(KlingTask task) {
        return KlingTask.FAILED.equals(task.taskStatus()) ? new KlingTaskFailedException(task) : null;
    }

    @Override
    public CompletableFuture<Void> download(Exchange exchange, KlingTask task) {
        return KlingDownloads.download(exchange, task, endpoint.getAccount().downloader(), endpoint.getConfiguration().getFormat(),
                endpoint.getConfiguration().getImageIndex());
    }

    @Override
    public String describe(KlingTask task) {
        return "Kling task " + task.taskId();
    }
}

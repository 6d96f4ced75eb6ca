package io.camelvideo.kling;

import io.camelvideo.kling.model.KlingTask;
import io.camelvideo.task.tracking.TaskTracker;
import io.camelvideo.task.tracking.TrackedTaskConsumer;
import org.apache.camel.Processor;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code from("kling:<kind>")}: emits each tracked task of the kind once, when it has ended, with the
 * submitting exchange's correlation headers, the task headers, and the task (or with
 * {@code download=true} its file) as the body.
 */
public class KlingConsumer extends TrackedTaskConsumer<KlingTask> {

    static final int DISCOVERY_PAGE_SIZE = 100;

    private final KlingEndpoint endpoint;
    private long lastDiscovery;

    KlingConsumer(KlingEndpoint endpoint, Processor processor, TaskTracker<KlingTask> tracker) {
        super(endpoint, processor, tracker, endpoint.messages(), endpoint.taskScope(),
                endpoint.getConfiguration().getOnlyStatus(), endpoint.getConfiguration());
        this.endpoint = endpoint;
    }

    /** With discoverTasks: the first page of the kind's list (newest first), at most once per pollInterval. */
    @Override
    protected CompletableFuture<List<KlingTask>> recentTasks() {
        KlingConfiguration config = endpoint.getConfiguration();
        long now = System.currentTimeMillis();
        if (!config.isDiscoverTasks() || now - lastDiscovery < config.getPollInterval()) {
            return null;
        }
        lastDiscovery = now;
        return endpoint.getAccount().client().list(endpoint.getKind(), 1, DISCOVERY_PAGE_SIZE);
    }
}

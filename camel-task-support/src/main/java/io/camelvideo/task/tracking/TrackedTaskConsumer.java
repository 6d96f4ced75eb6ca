package io.camelvideo.task.tracking;

import io.camelvideo.task.ledger.TrackedTask;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.SynchronizationAdapter;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The polling consumer both components use: each poll checks the due tracked tasks of its scope,
 * then emits one exchange per task that ended (headers of the submitting exchange restored, the
 * task's own headers and body set by the component). A task is marked delivered when its exchange
 * completes; a failed exchange leaves it to be offered again on a later poll.
 */
public abstract class TrackedTaskConsumer<S> extends ScheduledBatchPollingConsumer {

    private final TaskTracker<S> tracker;
    private final String scope;
    private final String group;
    private final String onlyStatus;
    private final long checkTimeoutMillis;

    /**
     * @param scope      the ledger scope, e.g. {@code kling:text2video}
     * @param group      the API group the poller checks, e.g. the kind
     * @param onlyStatus emit only tasks that ended with this status (others are acknowledged silently); null = all
     */
    protected TrackedTaskConsumer(Endpoint endpoint, Processor processor, TaskTracker<S> tracker, String scope, String group,
                                  String onlyStatus, long checkTimeoutMillis) {
        super(endpoint, processor);
        this.tracker = tracker;
        this.scope = scope;
        this.group = group;
        this.onlyStatus = onlyStatus;
        this.checkTimeoutMillis = checkTimeoutMillis;
    }

    /** Sets the task's headers and body on a new exchange (called on the consumer thread). */
    protected abstract void populate(Exchange exchange, S task);

    /** Replaces the body with the task's media when the endpoint asks for it; completes when done. */
    protected abstract CompletableFuture<Void> download(Exchange exchange, S task);

    /**
     * The API's most recent tasks of this scope when the endpoint discovers tasks it did not submit,
     * else null (the default: only tracked tasks are emitted).
     */
    protected CompletableFuture<List<S>> recentTasks() {
        return null;
    }

    @Override
    protected int poll() throws Exception {
        int max = getMaxMessagesPerPoll() > 0 ? getMaxMessagesPerPoll() : 100;
        CompletableFuture<List<S>> recent = recentTasks();
        if (recent != null) {
            tracker.discover(scope, recent.get(checkTimeoutMillis, TimeUnit.MILLISECONDS));
        }
        tracker.checkDue(scope, group, Math.max(max, 500)).get(checkTimeoutMillis, TimeUnit.MILLISECONDS);
        List<TrackedTask> ready = tracker.claimDeliverable(scope, max);
        Queue<Object> exchanges = new ArrayDeque<>();
        for (TrackedTask tracked : ready) {
            S task = tracker.codec().fromJson(tracked.result());
            if (onlyStatus != null && !onlyStatus.equals(tracker.codec().status(task))) {
                tracker.delivered(tracked);
                continue;
            }
            Exchange exchange = createExchange(true);
            tracked.headers().forEach((name, value) -> exchange.getMessage().setHeader(name, value));
            populate(exchange, task);
            try {
                download(exchange, task).get(checkTimeoutMillis, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                tracker.redeliverLater(tracked);
                getExceptionHandler().handleException("Download of tracked task " + tracked.taskId()
                        + " failed; it is offered again on a later poll", exchange, e);
                releaseExchange(exchange, false);
                continue;
            }
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onComplete(Exchange done) {
                    tracker.delivered(tracked);
                }

                @Override
                public void onFailure(Exchange done) {
                    tracker.redeliverLater(tracked);
                }

                @Override
                public boolean allowHandover() {
                    return false;
                }
            });
            exchanges.add(exchange);
        }
        return processBatch(exchanges);
    }

    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        int total = exchanges.size();
        for (int index = 0; index < total && isBatchAllowed(); index++) {
            Exchange exchange = (Exchange) exchanges.poll();
            exchange.setProperty(Exchange.BATCH_INDEX, index);
            exchange.setProperty(Exchange.BATCH_SIZE, total);
            exchange.setProperty(Exchange.BATCH_COMPLETE, index == total - 1);
            pendingExchanges = total - index - 1;
            getAsyncProcessor().process(exchange, doneSync -> {
            });
        }
        // exchanges not started (consumer stopping) go back to the ledger untouched: their claims are released on stop
        return total;
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        tracker.releaseClaims(scope);
    }
}

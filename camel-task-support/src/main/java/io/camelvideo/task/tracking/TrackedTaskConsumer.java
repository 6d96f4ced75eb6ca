package io.camelvideo.task.tracking;

import io.camelvideo.task.ledger.TrackedTask;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The polling consumer both components use: each poll checks the due tracked tasks of its scope,
 * then emits one exchange per task that ended (headers of the submitting exchange restored, the
 * task's own headers and body set by the component). A task is marked delivered when its exchange
 * completes; a failed exchange leaves it to be offered again on a later poll.
 */
public abstract class TrackedTaskConsumer<S> extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(TrackedTaskConsumer.class);
    private static final int MAX_ACK_ATTEMPTS = 20;

    /** Tasks a route completed whose ack the ledger has not recorded yet. */
    private final Set<String> unacknowledged = ConcurrentHashMap.newKeySet();
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
            if (unacknowledged.contains(tracked.taskId())) {
                acknowledge(tracked, 0); // delivered already; only the ledger's ack was missing
                continue;
            }
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
                    acknowledge(tracked, 0);
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

    /**
     * Marks a task delivered. A ledger that cannot be reached is asked again with backoff, and while
     * the ack is missing this consumer does not deliver the task again when the ledger offers it
     * (at-least-once is left only for a process that dies before the ack lands).
     */
    private void acknowledge(TrackedTask tracked, int attempt) {
        try {
            tracker.delivered(tracked);
            unacknowledged.remove(tracked.taskId());
        } catch (RuntimeException e) {
            unacknowledged.add(tracked.taskId());
            if (attempt >= MAX_ACK_ATTEMPTS) {
                LOG.warn("Task {} was delivered, but the ledger could not record it ({}); it stays marked here and is"
                        + " acknowledged when this consumer is offered it again", tracked.taskId(), e.getMessage());
                return;
            }
            long delay = Math.min(5_000, 100L << Math.min(attempt, 6));
            getScheduledExecutorService().schedule(() -> acknowledge(tracked, attempt + 1), delay, TimeUnit.MILLISECONDS);
        }
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

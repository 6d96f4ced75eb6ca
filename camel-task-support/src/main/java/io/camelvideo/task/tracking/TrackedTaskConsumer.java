package io.camelvideo.task.tracking;

import io.camelvideo.task.camel.RemoteTaskConfiguration;
import io.camelvideo.task.camel.TaskMessages;
import io.camelvideo.task.ledger.TrackedTask;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The polling consumer both components use: each poll checks the due tracked tasks of its scope,
 * then emits one exchange per task that ended (headers of the submitting exchange restored, the
 * task's own headers and body set by the component).
 *
 * <ul>
 *   <li><b>Claims.</b> Finished tasks are claimed from the ledger {@code claimBatchSize} at a time,
 *       and a consumer holds at most that many in hand (downloading or in the route), so instances
 *       sharing a ledger split the work by how fast they deliver.</li>
 *   <li><b>Downloads</b> run beside the poll, never inside it: the exchange enters the route on the
 *       consumer's thread when its files are on disk, and a slow file delays no other task.</li>
 *   <li><b>Acknowledge.</b> A task is marked delivered when its exchange completes.</li>
 *   <li><b>Redeliver.</b> A failed exchange (or download) is offered again after {@code deliveryRetryDelay},
 *       doubling to {@code maxDeliveryRetryDelay}, with Camel's redelivery headers set; the files
 *       already downloaded are reused. After {@code maxDeliveryAttempts} the task is marked dead in
 *       the ledger and sent to {@code deadLetterUri} (or logged once).</li>
 * </ul>
 */
public class TrackedTaskConsumer<S> extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(TrackedTaskConsumer.class);
    private static final int MAX_ACK_ATTEMPTS = 20;
    /** Set (true) on the exchange sent to {@code deadLetterUri}. */
    public static final String REDELIVERY_EXHAUSTED = "CamelRedeliveryExhausted";

    /** Tasks a route completed whose ack the ledger has not recorded yet. */
    private final Set<String> unacknowledged = ConcurrentHashMap.newKeySet();
    /** Tasks this consumer claimed and has not finished with (downloading, in the route, or being acknowledged). */
    private final Set<String> inHand = ConcurrentHashMap.newKeySet();
    /** Files downloaded for a delivery, kept until the task is delivered or dead. */
    private final Map<String, DownloadedBody> downloaded = new ConcurrentHashMap<>();
    /** With {@code statusUpdates}: the status and progress last emitted per running task. */
    private final Map<String, String> lastUpdate = new ConcurrentHashMap<>();
    /** With {@code statusUpdates}: running tasks whose status or progress changed in this poll's check. */
    private final Queue<Exchange> updates = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final TaskTracker<S> tracker;
    private final TaskMessages<S> messages;
    private final TaskScope taskScope;
    private final String scope;
    private final String onlyStatus;
    private final RemoteTaskConfiguration config;
    private final long checkTimeoutMillis;
    private AsyncProducer deadLetter;

    /**
     * @param scope      the endpoint's tasks
     * @param onlyStatus emit only tasks that ended with this status (others are acknowledged silently); null = all
     */
    protected TrackedTaskConsumer(Endpoint endpoint, Processor processor, TaskTracker<S> tracker, TaskMessages<S> messages,
                                  TaskScope scope, String onlyStatus, RemoteTaskConfiguration config) {
        super(endpoint, processor);
        this.tracker = tracker;
        this.messages = messages;
        this.taskScope = scope;
        this.scope = scope.ledgerScope();
        this.onlyStatus = onlyStatus;
        this.config = config;
        this.checkTimeoutMillis = config.getRequestTimeout() * 4;
        setMaxMessagesPerPoll(config.getMaxMessagesPerPoll());
    }

    /**
     * The API's most recent tasks of this scope when the endpoint discovers tasks it did not submit,
     * else null (the default: only tracked tasks are emitted).
     */
    protected CompletableFuture<List<S>> recentTasks() {
        return null;
    }

    @Override
    protected void doStart() throws Exception {
        if (getScheduledExecutorService() == null) {
            // one thread for polls, routes and ack retries (shut down with the consumer's context)
            setScheduledExecutorService(getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newSingleThreadScheduledExecutor(this, scope + "-consumer"));
        }
        super.doStart();
        if (config.getDeadLetterUri() != null && !config.getDeadLetterUri().isBlank()) {
            deadLetter = getEndpoint().getCamelContext().getEndpoint(config.getDeadLetterUri()).createAsyncProducer();
            ServiceHelper.startService(deadLetter);
        }
    }

    @Override
    protected int poll() throws Exception {
        if (tracker.sharesLedger()) {
            // instances sharing a ledger poll on the same delay: whichever polls just after the tasks came due takes them
            // all, so a fixed offset between two instances would split the work by that offset. A random pause of up to
            // half the delay keeps moving the offset: over many polls each instance gets an even share.
            Thread.sleep(ThreadLocalRandom.current().nextLong(getDelay() / 2 + 1));
        }
        int max = getMaxMessagesPerPoll() > 0 ? getMaxMessagesPerPoll() : 100;
        CompletableFuture<List<S>> recent = recentTasks();
        if (recent != null) {
            tracker.discover(scope, recent.get(checkTimeoutMillis, TimeUnit.MILLISECONDS));
        }
        tracker.checkDue(taskScope, Math.max(max, tracker.checkLimit()), config.isStatusUpdates() ? this::running : null)
                .get(checkTimeoutMillis, TimeUnit.MILLISECONDS);
        emitUpdates();
        int batch = Math.max(1, config.getClaimBatchSize());
        int emitted = 0;
        while (emitted < max && isRunAllowed()) {
            int room = Math.min(batch - inHand.size(), max - emitted);
            if (room <= 0) {
                break;
            }
            List<TrackedTask> claimed = tracker.claimDeliverable(scope, room);
            Queue<Object> ready = new ArrayDeque<>();
            for (TrackedTask tracked : claimed) {
                if (inHand.add(tracked.taskId())) {
                    ready.add(tracked);
                }
            }
            emitted += processBatch(ready);
            if (claimed.size() < room || tracker.sharesLedger()) {
                // on a shared ledger one claim per poll: the instance whose check found the tasks finished does not
                // take them all before the others poll (the random pause above lets them take turns)
                break;
            }
        }
        return emitted;
    }

    /** A tracked task still runs: an update is due when its status or progress changed since the last one. */
    private void running(TrackedTask tracked, S state) {
        String now = tracker.codec().statusAndProgress(state);
        String before = lastUpdate.put(tracked.taskId(), now);
        if (!now.equals(before != null ? before : tracked.status())) {
            updates.add(prepare(tracked, state, Map.of()));
        }
    }

    /** Sends the status updates found by this poll's check through the route, on the consumer's thread. */
    private void emitUpdates() {
        Exchange update;
        while ((update = updates.poll()) != null) {
            Exchange exchange = update;
            getAsyncProcessor().process(exchange, doneSync -> {
                if (exchange.getException() != null) {
                    getExceptionHandler().handleException("A status update of " + scope + " failed (it is not sent again)",
                            exchange, exchange.getException());
                }
                releaseExchange(exchange, false);
            });
        }
    }

    /** Starts the delivery of each claimed task; those without downloads go through the route before this returns. */
    @Override
    public int processBatch(Queue<Object> claimed) {
        int total = claimed.size();
        for (int index = 0; index < total; index++) {
            TrackedTask tracked = (TrackedTask) claimed.poll();
            Map<String, Object> batch = Map.of(Exchange.BATCH_INDEX, index, Exchange.BATCH_SIZE, total,
                    Exchange.BATCH_COMPLETE, index == total - 1);
            try {
                deliver(tracked, batch);
            } catch (RuntimeException e) {
                failed(tracked, null, e);
            }
        }
        return total;
    }

    private void deliver(TrackedTask tracked, Map<String, Object> batch) {
        if (unacknowledged.contains(tracked.taskId())) {
            acknowledge(tracked, 0); // delivered already; only the ledger's ack was missing
            return;
        }
        S task = tracker.codec().fromJson(tracked.result());
        if (onlyStatus != null && !onlyStatus.equals(tracker.codec().status(task))) {
            tracker.delivered(tracked);
            inHand.remove(tracked.taskId());
            lastUpdate.remove(tracked.taskId());
            return;
        }
        Exchange exchange = prepare(tracked, task, batch);
        DownloadedBody kept = downloaded.get(tracked.taskId());
        if (kept != null) {
            kept.applyTo(exchange);
            route(tracked, exchange);
            return;
        }
        Map<String, Object> before = new HashMap<>(exchange.getMessage().getHeaders());
        CompletableFuture<Void> download = config.isDownload() && messages.hasResults(task)
                ? messages.download(exchange, task) : CompletableFuture.completedFuture(null);
        if (download.isDone() && !download.isCompletedExceptionally()) {
            keep(tracked, exchange, before);
            route(tracked, exchange);
            return;
        }
        download.whenComplete((done, error) -> onConsumerThread(() -> {
            if (error != null) {
                failed(tracked, exchange, error);
                releaseExchange(exchange, false);
            } else {
                keep(tracked, exchange, before);
                route(tracked, exchange);
            }
        }));
    }

    /** A new exchange for a task: correlation headers, batch and redelivery properties, the task. */
    private Exchange prepare(TrackedTask tracked, S task, Map<String, Object> batch) {
        Exchange exchange = createExchange(true);
        tracked.headers().forEach((name, value) -> exchange.getMessage().setHeader(name, value));
        batch.forEach(exchange::setProperty);
        if (tracked.attempts() > 0) {
            exchange.getMessage().setHeader(Exchange.REDELIVERED, true);
            exchange.getMessage().setHeader(Exchange.REDELIVERY_COUNTER, tracked.attempts());
            if (config.getMaxDeliveryAttempts() > 0) {
                exchange.getMessage().setHeader(Exchange.REDELIVERY_MAX_COUNTER, config.getMaxDeliveryAttempts() - 1);
            }
        }
        messages.apply(exchange.getMessage(), task);
        return exchange;
    }

    private void keep(TrackedTask tracked, Exchange exchange, Map<String, Object> before) {
        DownloadedBody body = DownloadedBody.capture(exchange.getMessage(), before);
        if (body != null) {
            downloaded.put(tracked.taskId(), body);
        }
    }

    private void route(TrackedTask tracked, Exchange exchange) {
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange done) {
                acknowledge(tracked, 0);
            }

            @Override
            public void onFailure(Exchange done) {
                failed(tracked, done, done.getException());
            }

            @Override
            public boolean allowHandover() {
                return false;
            }
        });
        getAsyncProcessor().process(exchange, doneSync -> releaseExchange(exchange, false));
    }

    /** Runs on the consumer's thread (where its polls and routes run), or here once the consumer is stopping. */
    private void onConsumerThread(Runnable action) {
        if (!isRunAllowed()) {
            action.run();
            return;
        }
        try {
            getScheduledExecutorService().execute(action);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            action.run();
        }
    }

    /**
     * A delivery failed: reported to the consumer's exception handler (Camel's {@code exceptionHandler}
     * option; by default it logs), then offered again after the backoff, or, after the last attempt,
     * marked dead and sent to the dead-letter endpoint (or logged once).
     *
     * @param exchange the exchange that failed, or null when none was made yet
     */
    private void failed(TrackedTask tracked, Exchange exchange, Throwable error) {
        int attempts = tracked.attempts() + 1;
        int max = config.getMaxDeliveryAttempts();
        String attempt = "Delivery " + attempts + (max > 0 ? " of " + max : "") + " of task " + tracked.taskId() + " of "
                + scope + " failed (" + describe(error) + ")";
        if (max > 0 && attempts >= max) {
            getExceptionHandler().handleException(attempt + "; after " + attempts + " attempts the task is marked dead in the"
                    + " ledger and never offered again"
                    + (deadLetter != null ? "; it goes to " + config.getDeadLetterUri() : " (set deadLetterUri to route such"
                    + " tasks)"), exchange, error);
            dead(tracked, error, attempts);
            return;
        }
        long delay = retryDelay(attempts);
        try {
            tracker.redeliverLater(tracked, delay);
        } catch (RuntimeException e) {
            LOG.warn("Task {} of {}: the failed delivery could not be recorded ({}); the ledger offers it again when"
                    + " its claim runs out", tracked.taskId(), scope, e.getMessage());
        }
        inHand.remove(tracked.taskId());
        getExceptionHandler().handleException(attempt + "; offered again in " + delay + " ms", exchange, error);
    }

    /** The wait before delivery attempt {@code attempts + 1}: doubling from deliveryRetryDelay to maxDeliveryRetryDelay. */
    long retryDelay(int attempts) {
        double delay = config.getDeliveryRetryDelay() * Math.pow(2, Math.min(attempts - 1, 30));
        return (long) Math.min(config.getMaxDeliveryRetryDelay(), delay);
    }

    private void dead(TrackedTask tracked, Throwable error, int attempts) {
        if (deadLetter == null) {
            markDead(tracked);
            return;
        }
        Exchange exchange;
        try {
            exchange = prepare(tracked, tracker.codec().fromJson(tracked.result()), Map.of());
            DownloadedBody kept = downloaded.get(tracked.taskId());
            if (kept != null) {
                kept.applyTo(exchange);
            }
        } catch (RuntimeException e) {
            LOG.error("Task {} of {} is marked dead after {} attempts; it could not be sent to {}: {}", tracked.taskId(),
                    scope, attempts, config.getDeadLetterUri(), e.getMessage());
            markDead(tracked);
            return;
        }
        exchange.getMessage().setHeader(REDELIVERY_EXHAUSTED, true);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, error);
        deadLetter.process(exchange, doneSync -> {
            if (exchange.isFailed()) {
                LOG.error("Task {} of {} is marked dead after {} attempts, and the dead-letter endpoint {} failed too: {}",
                        tracked.taskId(), scope, attempts, config.getDeadLetterUri(), describe(exchange.getException()));
            }
            markDead(tracked);
            releaseExchange(exchange, false);
        });
    }

    private void markDead(TrackedTask tracked) {
        try {
            tracker.dead(tracked);
        } catch (RuntimeException e) {
            LOG.warn("Task {} of {}: the ledger could not record it as dead ({}); it is offered again when its claim"
                    + " runs out", tracked.taskId(), scope, e.getMessage());
        }
        finished(tracked);
    }

    private void finished(TrackedTask tracked) {
        inHand.remove(tracked.taskId());
        lastUpdate.remove(tracked.taskId());
        DownloadedBody body = downloaded.remove(tracked.taskId());
        if (body != null) {
            body.release();
        }
    }

    private static String describe(Throwable error) {
        if (error == null) {
            return "no exception";
        }
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        return cause.getClass().getSimpleName() + (cause.getMessage() != null ? ": " + cause.getMessage() : "");
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
            finished(tracked);
        } catch (RuntimeException e) {
            unacknowledged.add(tracked.taskId());
            inHand.remove(tracked.taskId());
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
    protected void doStop() throws Exception {
        super.doStop();
        ServiceHelper.stopService(deadLetter);
        deadLetter = null;
        downloaded.values().forEach(DownloadedBody::release);
        downloaded.clear();
        inHand.clear();
        lastUpdate.clear();
        updates.clear();
        tracker.releaseClaims(scope);
    }
}

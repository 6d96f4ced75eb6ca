package io.camelvideo.task.camel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelvideo.task.http.ApiHttpClient;
import io.camelvideo.task.ledger.TaskLedger;
import io.camelvideo.task.ledger.TrackedTask;
import io.camelvideo.task.media.MediaDownloadException;
import io.camelvideo.task.poll.PollSchedule;
import io.camelvideo.task.submit.InputIdentity;
import io.camelvideo.task.submit.LedgerUnavailableException;
import io.camelvideo.task.submit.SubmitProtocol;
import io.camelvideo.task.tracking.CorrelationHeaders;
import io.camelvideo.task.tracking.RemoteTask;
import io.camelvideo.task.tracking.TaskCodec;
import io.camelvideo.task.tracking.TaskScope;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.support.HealthCheckComponent;

import java.util.concurrent.CompletableFuture;

/**
 * An asynchronous producer whose work is a {@link CompletableFuture}: an exception thrown while
 * starting (bad input) completes the exchange at once, on the caller's thread; otherwise the routing
 * thread is released and the exchange continues when the future completes.
 */
public abstract class RemoteTaskProducer extends DefaultAsyncProducer {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RemoteTaskProducer.class);

    private static final ObjectMapper JSON = new ObjectMapper();

    private WritableHealthCheckRepository healthChecks;
    private RemoteProducerHealthCheck healthCheck;
    private Expression idempotencyKey;
    private StatusUpdateSender statusUpdates;

    protected RemoteTaskProducer(Endpoint endpoint) {
        super(endpoint);
    }

    /** Starts the exchange's operation; may throw for input refused before any call. */
    protected abstract CompletableFuture<?> start(Exchange exchange);

    /** A cheap call that proves the API answers and accepts the credentials (the readiness probe). */
    protected abstract CompletableFuture<?> healthProbe();

    /** The endpoint's options (the probe may take their request timeout). */
    protected abstract RemoteTaskConfiguration configuration();

    /**
     * The submit key of a create: the input's identity ({@code idempotencyKey} or what Camel keeps
     * stable, see {@link InputIdentity}) hashed with the endpoint and the request.
     */
    protected String submitKey(Exchange exchange, String scope, JsonNode request) {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the request cannot be written as JSON: " + e.getMessage(), e);
        }
        return InputIdentity.submitKey(scope, InputIdentity.of(exchange, idempotencyKey), json);
    }

    /**
     * How the submit gate watches a created task to free its place when it ends: a waiting exchange's
     * schedule (the watch is shared), else a lazy one, since the consumer checks tracked tasks anyway
     * and its answers complete the watch.
     */
    protected static PollSchedule endedWatch(RemoteTaskConfiguration config) {
        return config.isWaitForCompletion() ? config.pollSchedule() : config.lazyPollSchedule();
    }

    /**
     * The end of every operation that returns a task: waits for it when {@code waitForCompletion} (no
     * thread waits: the account's poller completes the future), sets its headers and body, fails with
     * the component's exception when a waited task failed, and downloads its files when asked to.
     */
    protected <S extends RemoteTask> CompletableFuture<Void> finish(Exchange exchange, S task, TaskMessages<S> messages,
                                                                  RemoteAccount<?, S> account, TaskScope scope, boolean download) {
        RemoteTaskConfiguration config = configuration();
        TaskCodec<S> codec = messages.codec();
        boolean waiting = config.isWaitForCompletion() && !codec.isFinished(task);
        long since = System.currentTimeMillis();
        CompletableFuture<S> ended = waiting
                ? account.poller().watch(scope.pollerGroup(), codec.taskId(task), config.pollSchedule(),
                        statusUpdates != null ? statusUpdates.listener(exchange, task, messages) : null)
                : CompletableFuture.completedFuture(task);
        return ended.thenCompose(result -> {
            RuntimeException failure = config.isWaitForCompletion() ? messages.failure(result) : null;
            if (waiting) {
                LOG.info("{}: task {} ended {} after a wait of {} s{}", scope.ledgerScope(), codec.taskId(result),
                        codec.status(result), (System.currentTimeMillis() - since) / 1000,
                        failure != null ? " (" + failure.getMessage() + ")" : "");
            }
            account.submits().ended(result); // the daily budget counts it before the reply: the next create sees it
            messages.apply(exchange.getMessage(), result);
            if (failure != null) {
                throw failure;
            }
            if (!download) {
                return CompletableFuture.completedFuture(null);
            }
            if (!messages.hasResults(result)) {
                throw new MediaDownloadException(messages.describe(result) + " has nothing to download: it is "
                        + codec.status(result) + (codec.isFinished(result) ? "" : " (use waitForCompletion=true to wait for it)"));
            }
            return messages.download(exchange, result);
        });
    }

    /**
     * What follows a create's answer: the task is recorded for the consumer ({@link #track}) when the
     * endpoint tracks tasks and does not wait for them, then {@code finish} sets the exchange's reply.
     * One stage per create while it waits its turn in the submit queue, whatever the options.
     */
    protected <S> CompletableFuture<Void> afterCreate(CompletableFuture<S> created, SubmitProtocol submits, TaskScope scope,
                                                      TaskCodec<S> codec, Exchange exchange,
                                                      java.util.function.Function<S, CompletableFuture<Void>> finish) {
        RemoteTaskConfiguration config = configuration();
        boolean tracking = !config.isWaitForCompletion() && config.isTrackTasks();
        return created.thenCompose(task -> tracking
                ? track(submits, scope, codec, exchange, task).thenCompose(finish) : finish.apply(task));
    }

    /**
     * Records a created task in the ledger for the consumer of the same URI, with the correlation
     * headers {@code trackedHeaders} selects, before the exchange moves on (retried like every ledger
     * write). If the ledger stays down the exchange fails naming the task, which a redelivery of the
     * input adopts.
     */
    private <S> CompletableFuture<S> track(SubmitProtocol submits, TaskScope scope, TaskCodec<S> codec, Exchange exchange,
                                           S task) {
        RemoteTaskConfiguration config = configuration();
        TaskLedger ledger = ((RemoteTaskComponent) getEndpoint().getComponent()).ledger();
        String taskId = codec.taskId(task);
        return submits.ledgerWrite(() -> {
            long now = System.currentTimeMillis();
            ledger.record(TrackedTask.submitted(scope.ledgerScope(), taskId, codec.externalId(task), now,
                    CorrelationHeaders.select(exchange.getMessage().getHeaders(), config.getTrackedHeaders()), codec.status(task),
                    now + config.getPollInterval()));
            return task;
        }, 1).exceptionally(error -> {
            Throwable cause = ApiHttpClient.unwrap(error);
            throw new LedgerUnavailableException("Task " + taskId + " was created, but the task ledger could not record"
                    + " it for tracking (" + cause.getMessage() + "). It is not lost: a redelivery of the same input adopts"
                    + " and tracks it instead of paying again.", taskId, cause);
        });
    }

    /** Compiles the idempotency key expression and registers the readiness check (when camel-health is present). */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        String keyExpression = configuration().getIdempotencyKey();
        if (keyExpression != null && !keyExpression.isBlank()) {
            idempotencyKey = getEndpoint().getCamelContext().resolveLanguage("simple").createExpression(keyExpression);
            idempotencyKey.init(getEndpoint().getCamelContext());
        }
        String updates = configuration().getStatusUpdateUri();
        if (updates != null && !updates.isBlank()) {
            statusUpdates = StatusUpdateSender.start(getEndpoint().getCamelContext(), updates);
        }
        healthChecks = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthChecks != null) {
            healthCheck = new RemoteProducerHealthCheck(healthCheckId(), this::healthProbe, configuration().getRequestTimeout());
            healthCheck.setEnabled(getEndpoint().getComponent() instanceof HealthCheckComponent component
                    && component.isHealthCheckProducerEnabled());
            healthChecks.addHealthCheck(healthCheck);
        }
    }

    /**
     * The readiness check's id: the endpoint as written without its options, e.g. {@code kling-text2video}
     * (shown as {@code producer:kling-text2video}); endpoints with options add a short hash of the whole
     * key, so two producers of one kind with other options stay apart and no option value is shown.
     */
    private String healthCheckId() {
        String base = getEndpoint().getEndpointBaseUri().replaceFirst(":(//)?", "-").replaceAll("[^A-Za-z0-9_-]+", "-");
        String key = getEndpoint().getEndpointKey();
        return key.contains("?") ? base + "-" + String.format("%08x", key.hashCode()) : base;
    }

    @Override
    protected void doStop() throws Exception {
        if (healthChecks != null && healthCheck != null) {
            healthChecks.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        if (statusUpdates != null) {
            statusUpdates.stop();
            statusUpdates = null;
        }
        super.doStop();
    }

    @Override
    public final boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<?> work;
        try {
            work = start(exchange);
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        work.whenComplete((ignored, error) -> {
            if (error != null) {
                exchange.setException(ApiHttpClient.unwrap(error));
            }
            callback.done(false);
        });
        return false;
    }
}

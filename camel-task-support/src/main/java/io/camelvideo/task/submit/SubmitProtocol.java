package io.camelvideo.task.submit;

import io.camelvideo.task.http.ApiHttpClient;
import io.camelvideo.task.http.Delays;
import io.camelvideo.task.http.RemoteApiException;
import io.camelvideo.task.http.RetryPolicy;
import io.camelvideo.task.ledger.SubmitRecord;
import io.camelvideo.task.ledger.TaskLedger;
import io.camelvideo.task.metrics.TaskMetrics;
import io.camelvideo.task.tracking.RemoteTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Makes a paid submit at most once per submit key, across retries, redeliveries, restarts and
 * instances sharing a ledger:
 *
 * <pre>
 * ledger: intent(K)        durable before anything is sent; if it fails, nothing is sent
 * POST create (key K)      retried inside only where nothing was processed (throttling, refused connection)
 * ledger: created(K → id)  retried; never turns into a second create
 * unknown outcome, or an intent left by an earlier attempt:
 *     look K up (retried through 5xx / 429 / I/O until recoveryTimeout)
 *     found → adopt · not found → look again until the settle window passed → create again with K
 * "K already used" → look it up and adopt
 * no lookup (Legnext) → the intent stays and the submit fails "may exist"; never resubmitted on its own
 * </pre>
 *
 * One per account: creates of the account share a {@link SubmitBackoff} and a {@link SubmitGate} (the
 * parallel-task window: creates beyond it wait, and a create refused for the limit waits again
 * instead of failing).
 */
public final class SubmitProtocol {

    private static final Logger LOG = LoggerFactory.getLogger(SubmitProtocol.class);

    private final Supplier<TaskLedger> ledger;
    private final Delays delays;
    private final RetryPolicy retries;
    private final Duration settleTime;
    private final Duration recoveryTimeout;
    private final int maxCreates;
    private final SubmitBackoff backoff;
    private final SubmitGate gate;
    private final SpendingBudget budget;
    private final TaskMetrics metrics;
    private final LongSupplier clock;

    /**
     * @param retries         backoff of ledger writes and lookups (attempts bound ledger writes)
     * @param settleTime      how long after an unknown outcome a lookup that finds nothing is repeated
     *                        before the create is sent again (a create may land late)
     * @param recoveryTimeout how long lookups are retried through errors before the submit fails "may exist"
     * @param maxCreates      how many creates one submit may send in all (each with the same key)
     * @param gate            the account's parallel-task window
     * @param budget          the account's daily spending limit ({@link SpendingBudget#NONE} for none)
     * @param metrics         counts created and ended tasks ({@link TaskMetrics#NONE} for none)
     */
    public SubmitProtocol(Supplier<TaskLedger> ledger, Delays delays, RetryPolicy retries, Duration settleTime,
                          Duration recoveryTimeout, int maxCreates, SubmitGate gate, SpendingBudget budget, TaskMetrics metrics,
                          LongSupplier clock) {
        this.ledger = ledger;
        this.delays = delays;
        this.retries = retries;
        this.settleTime = settleTime;
        this.recoveryTimeout = recoveryTimeout;
        this.maxCreates = Math.max(1, maxCreates);
        this.backoff = new SubmitBackoff(retries);
        this.gate = gate;
        this.budget = budget;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Submits under {@code key} in {@code scope}, or adopts the task an earlier attempt with the same
     * key created. {@code resubmitUnknown}: the caller checked that an earlier attempt of unknown
     * outcome created nothing, so a component without lookup may submit again.
     */
    public <T extends RemoteTask> CompletableFuture<T> submit(String scope, String key, RemoteSubmit<T> remote, boolean resubmitUnknown) {
        CompletableFuture<SubmitRecord> intent = ledgerWrite(() -> ledger.get().intend(scope, key, clock.getAsLong()), 1);
        if (intent.isDone() && !intent.isCompletedExceptionally()) {
            // the common case (the ledger answered at once): no relay stage is held while the create waits its turn
            return call(() -> afterIntent(scope, key, remote, resubmitUnknown, intent.join(), null));
        }
        return intent.handle((existing, error) -> afterIntent(scope, key, remote, resubmitUnknown, existing, error))
                .thenCompose(Function.identity());
    }

    /** What follows the recorded intent: a create, the adoption of an earlier attempt's task, or a refusal. */
    private <T extends RemoteTask> CompletableFuture<T> afterIntent(String scope, String key, RemoteSubmit<T> remote,
                                                                   boolean resubmitUnknown, SubmitRecord existing, Throwable error) {
        if (error != null) {
            return CompletableFuture.<T>failedFuture(new LedgerUnavailableException("The task ledger could not record"
                    + " the intent to submit (" + ApiHttpClient.unwrap(error).getMessage() + "). Nothing was sent and"
                    + " nothing was paid: the input can be retried safely.", null, ApiHttpClient.unwrap(error)));
        }
        if (existing == null) {
            try {
                budget.admit(key);
            } catch (RuntimeException refused) {
                forgetQuietly(scope, key);
                return CompletableFuture.<T>failedFuture(refused instanceof SpendingLimitException ? refused
                        : new LedgerUnavailableException("The task ledger could not tell what the account spent today ("
                        + refused.getMessage() + "). Nothing was sent and nothing was paid: the input can be retried"
                        + " safely.", null, refused));
            }
            CompletableFuture<T> created = create(scope, key, remote, 1);
            return !budget.isLimited() ? created : created.whenComplete((task, failed) -> {
                if (failed != null) {
                    budget.released(key);
                }
            });
        }
        if (existing.state() == SubmitRecord.State.CREATED) {
            LOG.info("{}: submit {} already created task {}; adopting it instead of paying again", scope, key,
                    existing.taskId());
            return remote.fetch(existing.taskId()).thenApply(task -> countWhenEnded(scope, key, remote, task));
        }
        if (remote.canLookUp()) {
            LOG.info("{}: an earlier attempt of submit {} has an unknown outcome; looking it up before any create",
                    scope, key);
            return recover(scope, key, remote, clock.getAsLong() + settleTime.toMillis(), 0, null);
        }
        if (resubmitUnknown) {
            LOG.warn("{}: submitting {} again although an earlier attempt's outcome is unknown, as asked", scope, key);
            return create(scope, key, remote, 1);
        }
        return CompletableFuture.<T>failedFuture(remote.unknownOutcome(null));
    }

    private <T extends RemoteTask> CompletableFuture<T> create(String scope, String key, RemoteSubmit<T> remote, int attempt) {
        return gate.acquire().thenCompose(permit -> send(scope, key, remote, attempt, permit, 0));
    }

    /** Sends the create holding a place in the window; a refusal for the parallel limit queues it again. */
    private <T extends RemoteTask> CompletableFuture<T> send(String scope, String key, RemoteSubmit<T> remote, int attempt,
                                          SubmitGate.Permit permit, int refusals) {
        Duration wait = backoff.pending(clock.getAsLong());
        CompletableFuture<T> sent = wait.isZero() ? call(remote::create) : delays.after(wait, () -> call(remote::create));
        return sent.handle((task, error) -> {
            if (error == null) {
                backoff.succeeded();
                permit.created();
                call(() -> remote.finished(task)).whenComplete((ended, failure) -> permit.release());
                return created(scope, key, remote, task);
            }
            Throwable cause = ApiHttpClient.unwrap(error);
            RemoteSubmit.Outcome outcome = remote.outcome(cause);
            if (outcome == RemoteSubmit.Outcome.PARALLEL_LIMIT) {
                Duration pause = retries.delayAfter(refusals + 1,
                        cause instanceof RemoteApiException api ? api.getRetryAfter() : null);
                LOG.debug("{}: create {} refused for the account's parallel-task limit; queued again", scope, key);
                return gate.refusedForLimit(permit).thenCompose(again ->
                        delays.after(pause, () -> send(scope, key, remote, attempt, again, refusals + 1)));
            }
            permit.release();
            return switch (outcome) {
                case NOT_CREATED, PARALLEL_LIMIT -> {
                    forgetQuietly(scope, key);
                    yield CompletableFuture.<T>failedFuture(cause);
                }
                case ALREADY_EXISTS -> {
                    LOG.info("{}: the API already has a task for submit {}; adopting it", scope, key);
                    yield lookUp(remote, clock.getAsLong() + recoveryTimeout.toMillis(), 1, cause).thenCompose(found ->
                            found != null ? created(scope, key, remote, found) : CompletableFuture.<T>failedFuture(cause));
                }
                case UNKNOWN -> {
                    backoff.failed(clock.getAsLong());
                    if (!remote.canLookUp()) {
                        yield CompletableFuture.<T>failedFuture(remote.unknownOutcome(cause));
                    }
                    LOG.info("{}: create {} had an unknown outcome ({}); looking it up before any resubmit", scope, key,
                            cause.getMessage());
                    yield recover(scope, key, remote, clock.getAsLong() + settleTime.toMillis(), attempt, cause);
                }
            };
        }).thenCompose(Function.identity());
    }

    /** After an unknown outcome: adopt the task if it exists; else, once the settle window passed, create again. */
    private <T extends RemoteTask> CompletableFuture<T> recover(String scope, String key, RemoteSubmit<T> remote, long settleUntil,
                                             int creates, Throwable cause) {
        return lookUp(remote, clock.getAsLong() + recoveryTimeout.toMillis(), 1, cause).thenCompose(found -> {
            if (found != null) {
                LOG.info("{}: submit {} did create task {}; adopting it", scope, key, found.taskId());
                return created(scope, key, remote, found);
            }
            long now = clock.getAsLong();
            if (now < settleUntil) {
                Duration step = Duration.ofMillis(Math.min(settleUntil - now, Math.max(50, settleTime.toMillis() / 4)));
                return delays.after(step, () -> recover(scope, key, remote, settleUntil, creates, cause));
            }
            if (creates >= maxCreates) {
                return CompletableFuture.failedFuture(remote.unknownOutcome(cause));
            }
            return create(scope, key, remote, creates + 1);
        });
    }

    /**
     * With a budget or meters, counts the task once it has ended: what it cost, its status and how long
     * it took (the same watch the parallel-task window uses: no extra request).
     */
    private <T extends RemoteTask> T countWhenEnded(String scope, String key, RemoteSubmit<T> remote, T task) {
        if (budget.isLimited() || metrics != TaskMetrics.NONE) {
            String taskId = task.taskId();
            long since = clock.getAsLong();
            budget.created(key, taskId);
            call(() -> remote.finished(task)).whenComplete((ended, failure) -> {
                if (ended != null) {
                    budget.ended(taskId, ended.cost());
                    metrics.ended(scope, ended.status(), clock.getAsLong() - since, ended.cost());
                } else {
                    budget.released(key);
                }
            });
        }
        return task;
    }

    /**
     * A task of this account was seen ended (a waiting producer, a status query): counts what it cost
     * against the budget now, so the next create already sees it. Counted once, whoever sees it first.
     */
    public void ended(RemoteTask task) {
        if (budget.isLimited() && task.isFinished()) {
            budget.ended(task.taskId(), task.cost());
        }
    }

    /** Looks the key up, retrying errors with backoff until {@code deadline}; then fails "may exist". */
    private <T extends RemoteTask> CompletableFuture<T> lookUp(RemoteSubmit<T> remote, long deadline, int attempt, Throwable original) {
        return call(remote::lookUp).handle((found, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(found);
            }
            Throwable cause = ApiHttpClient.unwrap(error);
            Duration delay = retries.delayAfter(attempt, null);
            if (!ApiHttpClient.isRetryable(cause) || clock.getAsLong() + delay.toMillis() > deadline) {
                return CompletableFuture.<T>failedFuture(remote.unknownOutcome(original != null ? original : cause));
            }
            return delays.after(delay, () -> lookUp(remote, deadline, attempt + 1, original));
        }).thenCompose(Function.identity());
    }

    /** Records the created task (retried); a ledger that stays down fails the exchange, never causes a second create. */
    private <T extends RemoteTask> CompletableFuture<T> created(String scope, String key, RemoteSubmit<T> remote, T task) {
        String taskId = task.taskId();
        LOG.info("{}: submitted task {} ({})", scope, taskId, task.status());
        metrics.submitted(scope);
        countWhenEnded(scope, key, remote, task);
        return ledgerWrite(() -> {
            ledger.get().submitted(scope, key, taskId, clock.getAsLong());
            return task;
        }, 1).handle((recorded, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(recorded);
            }
            Throwable cause = ApiHttpClient.unwrap(error);
            return CompletableFuture.<T>failedFuture(new LedgerUnavailableException("Task " + taskId + " was created,"
                    + " but the task ledger could not record it (" + cause.getMessage() + "). It is not lost: a"
                    + " redelivery of the same input adopts it instead of paying again.", taskId, cause));
        }).thenCompose(Function.identity());
    }

    /**
     * A ledger call, retried with backoff up to the retry policy's attempts. The first attempt runs on
     * the calling thread (as a tracked task's record always did: no thread hop on the common path);
     * retries run on the worker pool after their delay.
     */
    public <R> CompletableFuture<R> ledgerWrite(Supplier<R> write, int attempt) {
        try {
            return CompletableFuture.completedFuture(write.get());
        } catch (RuntimeException error) {
            if (attempt >= retries.maxAttempts()) {
                return CompletableFuture.failedFuture(ApiHttpClient.unwrap(error));
            }
            LOG.debug("Task ledger write failed (attempt {}): {}", attempt, ApiHttpClient.unwrap(error).getMessage());
            return delays.after(retries.delayAfter(attempt, null), () -> ledgerWrite(write, attempt + 1));
        }
    }

    private void forgetQuietly(String scope, String key) {
        try {
            ledger.get().forget(scope, key);
        } catch (RuntimeException e) {
            LOG.debug("Could not free submit key {} of {}: {}", key, scope, e.getMessage());
        }
    }

    private static <T> CompletableFuture<T> call(Supplier<CompletableFuture<T>> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}

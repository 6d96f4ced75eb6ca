package io.camelvideo.task.tracking;

import io.camelvideo.task.ledger.CheckOutcome;
import io.camelvideo.task.ledger.TaskLedger;
import io.camelvideo.task.ledger.TrackedTask;
import io.camelvideo.task.poll.PollResult;
import io.camelvideo.task.poll.PollSchedule;
import io.camelvideo.task.poll.TaskPoller;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * Moves the ledger's tasks of one scope along: checks the due ones in one batch through the
 * account's {@link TaskPoller} (same throttling view as the producer's waits), records what it
 * learns, and hands finished tasks out for delivery.
 *
 * <p>A task whose check fails stays pending and is checked again later with backoff (nothing is
 * dropped, not even on a 404: the ledger's counts show it).
 */
public final class TaskTracker<S> {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TaskTracker.class);

    private final TaskLedger ledger;
    private final TaskPoller<S> poller;
    private final TaskCodec<S> codec;
    private final PollSchedule schedule;
    private final long leaseMillis;
    private final String owner;
    private final LongSupplier clock;

    public TaskTracker(TaskLedger ledger, TaskPoller<S> poller, TaskCodec<S> codec, PollSchedule schedule,
                       long leaseMillis, String owner) {
        this(ledger, poller, codec, schedule, leaseMillis, owner, System::currentTimeMillis);
    }

    TaskTracker(TaskLedger ledger, TaskPoller<S> poller, TaskCodec<S> codec, PollSchedule schedule, long leaseMillis,
                String owner, LongSupplier clock) {
        this.ledger = ledger;
        this.poller = poller;
        this.codec = codec;
        this.schedule = schedule;
        this.leaseMillis = leaseMillis;
        this.owner = owner;
        this.clock = clock;
    }

    /** Checks up to {@code max} due tasks of {@code scope}; completes with how many ended. */
    public CompletableFuture<Integer> checkDue(TaskScope scope, int max) {
        return checkDue(scope, max, null);
    }

    /**
     * Checks up to {@code max} due tasks of {@code scope}, telling {@code running} (when not null) of each
     * task found still running, with its state; completes with how many ended.
     */
    public CompletableFuture<Integer> checkDue(TaskScope scope, int max, BiConsumer<TrackedTask, S> running) {
        long now = clock.getAsLong();
        List<TrackedTask> due = ledger.claimDue(scope.ledgerScope(), now, max, leaseMillis, owner);
        if (due.isEmpty()) {
            return CompletableFuture.completedFuture(0);
        }
        return poller.check(scope.pollerGroup(), due.stream().map(TrackedTask::taskId).toList())
                .handle((result, error) -> record(scope.ledgerScope(), due, error == null ? result : new PollResult<>(), running));
    }

    private int record(String scope, List<TrackedTask> due, PollResult<S> result, BiConsumer<TrackedTask, S> running) {
        long now = clock.getAsLong();
        List<CheckOutcome> outcomes = new ArrayList<>(due.size());
        int ended = 0;
        for (TrackedTask task : due) {
            S state = result.state(task.taskId());
            if (state != null && codec.isFinished(state)) {
                outcomes.add(CheckOutcome.ended(task.taskId(), codec.status(state), codec.toJson(state)));
                LOG.info("{}: task {} ended {} after {} s", scope, task.taskId(), codec.status(state),
                        Math.max(0, now - task.submittedAt()) / 1000);
                ended++;
            } else {
                String status = state != null ? codec.status(state) : task.status();
                outcomes.add(CheckOutcome.running(task.taskId(), status, now + backoff(task.checks())));
            }
        }
        ledger.recordChecks(scope, outcomes); // one write for the round: at most two statements on PostgreSQL
        if (running != null) {
            for (TrackedTask task : due) {
                S state = result.state(task.taskId());
                if (state != null && !codec.isFinished(state)) {
                    running.accept(task, state);
                }
            }
        }
        return ended;
    }

    /** The wait before the next check after {@code checks} checks found the task running. */
    long backoff(int checks) {
        double interval = schedule.initialInterval().toMillis() * Math.pow(schedule.multiplier(), checks);
        return (long) Math.min(schedule.maxInterval().toMillis(), interval);
    }

    /**
     * Takes in tasks the application did not submit itself (seen in the API's list of recent tasks):
     * those created after the scope's watermark and not known yet. On the first call the watermark is
     * set to now, so older tasks are never replayed. Returns how many were taken in.
     */
    public int discover(String scope, List<S> recent) {
        long now = clock.getAsLong();
        long watermark = ledger.watermark(scope, now);
        long newest = watermark;
        int added = 0;
        for (S task : recent) {
            long createdAt = codec.createdAt(task);
            if (createdAt > watermark) {
                ledger.record(TrackedTask.submitted(scope, codec.taskId(task), codec.externalId(task), createdAt,
                        java.util.Map.of(), codec.status(task), now));
                added++;
                newest = Math.max(newest, createdAt);
            }
        }
        if (newest > watermark) {
            ledger.advanceWatermark(scope, newest);
        }
        return added;
    }

    /** Claims up to {@code max} finished tasks for delivery. */
    public List<TrackedTask> claimDeliverable(String scope, int max) {
        return ledger.claimFinished(scope, clock.getAsLong(), max, leaseMillis, owner);
    }

    /** A route completed with the task (or it was filtered out): never offered again. */
    public boolean delivered(TrackedTask task) {
        return ledger.markDelivered(task.scope(), task.taskId(), owner);
    }

    /** A route failed with the task: the attempt is counted and it is offered again after {@code delayMillis}. */
    public void redeliverLater(TrackedTask task, long delayMillis) {
        ledger.releaseDelivery(task.scope(), task.taskId(), clock.getAsLong() + delayMillis);
    }

    /** Every delivery failed: never offered again. */
    public boolean dead(TrackedTask task) {
        return ledger.markDead(task.scope(), task.taskId(), owner);
    }

    /** Gives back every claim of this tracker (a clean stop), so a restart or another instance can continue at once. */
    public void releaseClaims(String scope) {
        ledger.releaseClaims(scope, owner);
    }

    /**
     * How many due tasks one check may take: 5,000 when the API reads them by the page (a few list
     * requests), else 500 (one request each).
     */
    public int checkLimit() {
        return poller.readsByPage() ? 5_000 : 500;
    }

    /** Whether other instances work on the same ledger (a shared database), competing for its claims. */
    public boolean sharesLedger() {
        return ledger.sharesSlots();
    }

    public TaskCodec<S> codec() {
        return codec;
    }
}

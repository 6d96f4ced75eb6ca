package io.camelvideo.task.ledger;

import java.util.List;
import java.util.Map;

/**
 * Durable bookkeeping of submitted tasks, from submit to delivery, so that no finished task is lost
 * or delivered twice across restarts and instances.
 *
 * <p>Work is handed out by claims: a claim gives one owner (a consumer instance) a task for a lease
 * time; nobody else gets it until the owner reports back or the lease runs out (the owner died).
 * Delivery is a conditional state change: {@link #markDelivered} succeeds once per task.
 *
 * <p>Implementations: {@link InMemoryTaskLedger} (default; lost on restart), {@link FileTaskLedger}
 * (durable, one instance), {@link JdbcTaskLedger} (PostgreSQL, shared by several instances).
 */
public interface TaskLedger extends AutoCloseable {

    /** Records a submitted task; a task already known (also one delivered) is left as it is. */
    void record(TrackedTask task);

    /** Claims up to {@code max} pending tasks of {@code scope} whose check is due at {@code now}. */
    List<TrackedTask> claimDue(String scope, long now, int max, long leaseMillis, String owner);

    /** A check found the task still running: remembers its status, sets the next check, drops the claim. */
    void reschedule(String scope, String taskId, String status, long nextCheckAt);

    /** The task ended: keeps its final status and result for delivery, drops the claim. */
    void finish(String scope, String taskId, String status, String result);

    /**
     * What one check round found of the tasks it claimed: {@link #reschedule} each running one and
     * {@link #finish} each ended one (the JDBC ledger does it in at most two statements, whatever the count).
     */
    default void recordChecks(String scope, List<CheckOutcome> outcomes) {
        for (CheckOutcome outcome : outcomes) {
            if (outcome.ended()) {
                finish(scope, outcome.taskId(), outcome.status(), outcome.result());
            } else {
                reschedule(scope, outcome.taskId(), outcome.status(), outcome.nextCheckAt());
            }
        }
    }

    /** Claims up to {@code max} finished, undelivered tasks of {@code scope} whose delivery is due at {@code now}. */
    List<TrackedTask> claimFinished(String scope, long now, int max, long leaseMillis, String owner);

    /** Marks a claimed task delivered; true only for the owner of the claim, and only once. */
    boolean markDelivered(String scope, String taskId, String owner);

    /** A route failed with the task: counts the failed attempt; it is offered again from {@code retryAt} on. */
    void releaseDelivery(String scope, String taskId, long retryAt);

    /**
     * Every delivery of a claimed task failed: it becomes {@link TrackedTask.State#DEAD}, never offered
     * again (its result is kept). True only for the owner of the claim, and only once.
     */
    boolean markDead(String scope, String taskId, String owner);

    /** The task as the ledger keeps it, or null when it is not (or no longer) known. */
    TrackedTask find(String scope, String taskId);

    /** Drops every claim {@code owner} holds in {@code scope} (a consumer stopping cleanly). */
    void releaseClaims(String scope, String owner);

    /**
     * The discovery watermark of {@code scope} (epoch ms of the newest task already considered), set to
     * {@code initial} and returned when there is none yet.
     */
    long watermark(String scope, long initial);

    /** Moves the watermark of {@code scope} forward to {@code value} (never back). */
    void advanceWatermark(String scope, long value);

    /**
     * Records the intent to submit under {@code key} before the request is sent (write-ahead). Returns
     * the record already kept for the key (an earlier attempt: its intent or its task), with its
     * {@code updatedAt} moved to {@code now}; or null when this call stored a fresh intent. Atomic, so
     * of two concurrent callers with one key only one gets null.
     */
    SubmitRecord intend(String scope, String key, long now);

    /** The submit under {@code key} created {@code taskId}. */
    void submitted(String scope, String key, String taskId, long now);

    /** The submit under {@code key} surely created nothing (refused before processing): the key is free again. */
    void forget(String scope, String key);

    /** The submit record of {@code key}, or null. */
    SubmitRecord submitRecord(String scope, String key);

    /**
     * Takes one of {@code limit} places of {@code account}'s parallel-task window for {@code holder}
     * (owned by instance {@code owner}) until {@code leaseUntil}; false when every place is taken.
     * Places whose lease ran out (an instance that died) are free again. A ledger of one instance
     * has no one to share with: the default always grants (the instance's own window decides).
     */
    default boolean takeSlot(String account, String holder, String owner, int limit, long now, long leaseUntil) {
        return true;
    }

    /** Gives a place back. */
    default void releaseSlot(String account, String holder) {
    }

    /** Extends the lease of every place {@code owner} holds (a live instance renews them periodically). */
    default void renewSlots(String owner, long leaseUntil) {
    }

    /** Whether places are shared with other instances (so {@link #renewSlots} must be called). */
    default boolean sharesSlots() {
        return false;
    }

    /**
     * Records that task {@code taskId} of {@code account} cost {@code amount} (in the API's unit) on
     * {@code day} (days since the epoch, UTC). Once per task: false when it was recorded already.
     */
    boolean recordSpend(String account, String taskId, long day, double amount);

    /** What the tasks of {@code account} recorded for {@code day} cost in all. */
    double spent(String account, long day);

    /** How many tasks of {@code scope} are in each state. */
    Map<TrackedTask.State, Long> counts(String scope);

    @Override
    default void close() {
    }
}

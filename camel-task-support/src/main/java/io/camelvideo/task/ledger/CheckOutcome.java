package io.camelvideo.task.ledger;

/**
 * What one status check found of a claimed task, for {@link TaskLedger#recordChecks}: still running
 * (its status and the time of its next check) or ended (its final status and result).
 */
public record CheckOutcome(String taskId, String status, boolean ended, long nextCheckAt, String result) {

    /** The task still runs: checked again from {@code nextCheckAt} on. */
    public static CheckOutcome running(String taskId, String status, long nextCheckAt) {
        return new CheckOutcome(taskId, status, false, nextCheckAt, null);
    }

    /** The task ended with {@code status}; {@code result} is kept for delivery. */
    public static CheckOutcome ended(String taskId, String status, String result) {
        return new CheckOutcome(taskId, status, true, 0, result);
    }
}

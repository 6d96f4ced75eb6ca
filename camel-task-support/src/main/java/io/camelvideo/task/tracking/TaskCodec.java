package io.camelvideo.task.tracking;

/** How a component's task state is read and stored by the tracking machinery. */
public interface TaskCodec<S> {

    /** The task's id. */
    String taskId(S task);

    /** The caller's id of the task, or null. */
    String externalId(S task);

    /** When the task was created, epoch ms (for discovery). */
    long createdAt(S task);

    /** The status as the API writes it, e.g. {@code succeed}. */
    String status(S task);

    /** How far a running task is, e.g. {@code 45%}; null when the API does not say. */
    default String progress(S task) {
        return null;
    }

    /**
     * The status with the progress where there is one, e.g. {@code processing 45%}: a status update is
     * due when this changes.
     */
    default String statusAndProgress(S task) {
        String progress = progress(task);
        return progress == null || progress.isBlank() ? status(task) : status(task) + " " + progress;
    }

    /** Whether the task has ended (succeeded or failed). */
    boolean isFinished(S task);

    /** The task as JSON text, to keep in the ledger. */
    String toJson(S task);

    /** The task back from {@link #toJson}. */
    S fromJson(String json);
}

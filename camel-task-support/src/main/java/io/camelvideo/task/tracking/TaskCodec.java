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

    /** Whether the task has ended (succeeded or failed). */
    boolean isFinished(S task);

    /** The task as JSON text, to keep in the ledger. */
    String toJson(S task);

    /** The task back from {@link #toJson}. */
    S fromJson(String json);
}

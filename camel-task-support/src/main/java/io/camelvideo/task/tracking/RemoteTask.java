package io.camelvideo.task.tracking;

/**
 * What the tracking machinery reads of any remote task, whatever the API calls its fields: a
 * component's task model implements it (Kling's {@code task_id}, Legnext's {@code job_id}, ...).
 */
public interface RemoteTask {

    /** The task's id. */
    String taskId();

    /** The caller's id of the task, or null when the API has none. */
    String externalId();

    /** When the task was created, epoch ms (for discovery). */
    long createdAtMillis();

    /** The status as the API writes it, e.g. {@code succeed}. */
    String status();

    /** Whether the task has ended (succeeded or failed). */
    boolean isFinished();

    /** How far a running task is as the API reports it, e.g. {@code 45%}; null when it does not say. */
    default String progress() {
        return null;
    }

    /** What the task cost, in the API's unit, as the API reports it (once it has ended); 0 when it says nothing. */
    double cost();
}

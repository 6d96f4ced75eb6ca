package io.camelvideo.task.metrics;

/**
 * What a component counts while it works: tasks submitted and ended, time to completion, status
 * checks, throttling pauses and what the tasks cost. {@link #NONE} counts nothing;
 * {@link MicrometerTaskMetrics} records Micrometer meters when the application has a registry.
 */
public interface TaskMetrics {

    /** Counts nothing (no Micrometer registry). */
    TaskMetrics NONE = new TaskMetrics() {
    };

    /** A paid create made task of {@code scope} (e.g. {@code kling:text2video}). */
    default void submitted(String scope) {
    }

    /** A created task of {@code scope} ended with {@code status} after {@code millis} since it was created. */
    default void ended(String scope, String status, long millis, double cost) {
    }

    /** One status request asked about {@code tasks} tasks. */
    default void statusChecked(int tasks) {
    }

    /** A throttling answer paused the account's status checks. */
    default void throttled() {
    }
}

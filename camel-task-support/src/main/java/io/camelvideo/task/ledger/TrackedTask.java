package io.camelvideo.task.ledger;

import java.util.Map;

/**
 * A remote task the application submitted and has not delivered yet, as the ledger keeps it.
 *
 * @param scope       who delivers it: the consumer of {@code <scheme>:<kind>} (e.g. {@code kling:text2video})
 * @param headers     the correlation headers of the submitting exchange, given back on delivery
 * @param status      the last status the API reported
 * @param result      the final task as JSON text, once {@link State#FINISHED}
 * @param nextCheckAt epoch ms: when a pending task is checked next, or when a failed delivery is retried
 * @param checks      how many status checks found it still running (drives the backoff)
 * @param attempts    how many deliveries to a route failed (drives the redelivery backoff and the dead state)
 */
public record TrackedTask(String scope, String taskId, String externalId, long submittedAt, Map<String, String> headers,
                          State state, String status, String result, long nextCheckAt, int checks, int attempts) {

    /** Where a task is in its life. */
    public enum State {
        /** Submitted, not yet seen in a terminal status. */
        PENDING,
        /** Ended (succeeded or failed) and waiting to be delivered to a route. */
        FINISHED,
        /** A route completed with it: never offered again. */
        DELIVERED,
        /**
         * Every delivery failed ({@code maxDeliveryAttempts}): handed to the dead-letter endpoint (or logged
         * once) and never offered again; the result stays in the ledger for inspection.
         */
        DEAD
    }

    public TrackedTask {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** A freshly submitted task, first checked at {@code firstCheckAt}. */
    public static TrackedTask submitted(String scope, String taskId, String externalId, long submittedAt,
                                        Map<String, String> headers, String status, long firstCheckAt) {
        return new TrackedTask(scope, taskId, externalId, submittedAt, headers, State.PENDING, status, null, firstCheckAt, 0, 0);
    }

    TrackedTask with(State state, String status, String result, long nextCheckAt, int checks) {
        return new TrackedTask(scope, taskId, externalId, submittedAt, headers, state, status, result, nextCheckAt, checks,
                attempts);
    }

    /** This task after one more failed delivery, offered again from {@code retryAt}. */
    TrackedTask failedDelivery(long retryAt) {
        return new TrackedTask(scope, taskId, externalId, submittedAt, headers, state, status, result, retryAt, checks,
                attempts + 1);
    }
}

package io.camelvideo.task.submit;

import io.camelvideo.task.http.RetryPolicy;

import java.time.Duration;

/**
 * Slows an account's creates down while its API fails them with server errors: after each failure
 * whose outcome is unknown, the next create of the account waits a growing, jittered delay; a
 * success resets it. So a 5xx storm costs a handful of requests, not hundreds.
 */
public final class SubmitBackoff {

    private final RetryPolicy policy;
    private int failures;
    private long notBefore;

    public SubmitBackoff(RetryPolicy policy) {
        this.policy = policy;
    }

    /** How long a create must wait now. */
    public synchronized Duration pending(long now) {
        return Duration.ofMillis(Math.max(0, notBefore - now));
    }

    /** A create failed with an unknown outcome (5xx, timeout, dropped connection). */
    public synchronized void failed(long now) {
        failures++;
        notBefore = Math.max(notBefore, now + policy.delayAfter(failures, null).toMillis());
    }

    /** A create went through. */
    public synchronized void succeeded() {
        failures = 0;
        notBefore = 0;
    }
}

package io.camelvideo.task.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter for safe (idempotent) calls: attempt {@code n} waits a random
 * time up to {@code min(maxDelay, initialDelay * 2^(n-1))}, or the server's {@code Retry-After} when
 * it gave one.
 *
 * @param maxAttempts  total attempts including the first (1 = no retry)
 * @param initialDelay the ceiling of the first wait
 * @param maxDelay     the largest wait
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
    }

    /** How long to wait before attempt {@code attempt + 1}, after attempt {@code attempt} (1-based) failed. */
    public Duration delayAfter(int attempt, Duration retryAfter) {
        if (retryAfter != null && !retryAfter.isNegative()) {
            return retryAfter.compareTo(maxDelay) > 0 ? maxDelay : retryAfter;
        }
        long ceiling = Math.min(maxDelay.toMillis(), initialDelay.toMillis() << Math.min(20, attempt - 1));
        long floor = ceiling / 2;
        return Duration.ofMillis(floor + ThreadLocalRandom.current().nextLong(Math.max(1, ceiling - floor + 1)));
    }
}

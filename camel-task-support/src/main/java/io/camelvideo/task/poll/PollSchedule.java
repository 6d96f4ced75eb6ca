package io.camelvideo.task.poll;

import java.time.Duration;

/**
 * How often a pending task's status is checked: first after {@code initialInterval}, then each
 * interval multiplied by {@code multiplier} up to {@code maxInterval} (e.g. 5 s → 10 s → 20 s → 30 s),
 * giving up at {@code timeout} after the watch began.
 */
public record PollSchedule(Duration initialInterval, Duration maxInterval, double multiplier, Duration timeout) {

    public PollSchedule {
        if (initialInterval.isNegative() || initialInterval.isZero()) {
            throw new IllegalArgumentException("the poll interval must be positive, was " + initialInterval);
        }
        if (maxInterval.compareTo(initialInterval) < 0) {
            maxInterval = initialInterval;
        }
        if (multiplier < 1) {
            throw new IllegalArgumentException("the backoff multiplier must be >= 1, was " + multiplier);
        }
    }

    /**
     * A schedule four times slower than the longest interval: for a watch that only backs up other
     * observers (a consumer that checks the task anyway and whose answers complete the watch), so it
     * asks itself only about tasks nobody else checks.
     */
    public PollSchedule lazy() {
        Duration slow = maxInterval.multipliedBy(4);
        return new PollSchedule(slow, slow, 1.0, timeout);
    }

    /** How finely a poller must tick to keep this schedule: a fifth of the first interval, between 10 and 500 ms. */
    public Duration tick() {
        return Duration.ofMillis(Math.max(10, Math.min(500, initialInterval.toMillis() / 5)));
    }

    long next(long currentMillis) {
        return Math.min(maxInterval.toMillis(), (long) Math.ceil(currentMillis * multiplier));
    }
}

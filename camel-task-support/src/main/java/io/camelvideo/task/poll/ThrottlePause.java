package io.camelvideo.task.poll;

import io.camelvideo.task.http.ApiHttpClient;
import io.camelvideo.task.http.RemoteApiException;

import java.util.function.LongSupplier;

/**
 * The account-wide pause a throttling answer (HTTP 429, Kling 1302) puts on status checks: for the
 * server's {@code Retry-After}, or 5 s without one. Shared by every wait and tracked task of one
 * account, so one answer slows them all down instead of each finding out by itself.
 */
final class ThrottlePause {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TaskPoller.class);

    /** How long a throttling answer without {@code Retry-After} pauses the account. */
    static final long DEFAULT_PAUSE_MILLIS = 5_000;

    private final LongSupplier clock;
    private volatile long pausedUntil;

    ThrottlePause(LongSupplier clock) {
        this.clock = clock;
    }

    /** Whether checks are paused now. */
    boolean isPaused() {
        return clock.getAsLong() < pausedUntil;
    }

    /** How much longer checks are paused, in ms (0 when they are not). */
    long remainingMillis() {
        return Math.max(0, pausedUntil - clock.getAsLong());
    }

    /**
     * Extends the pause when {@code failure} is a throttling answer; other failures leave it as it is.
     *
     * @return whether it was a throttling answer
     */
    boolean observe(Throwable failure, int watched) {
        if (!(ApiHttpClient.unwrap(failure) instanceof RemoteApiException api) || !api.isThrottling()) {
            return false;
        }
        long wait = api.getRetryAfter() != null ? api.getRetryAfter().toMillis() : DEFAULT_PAUSE_MILLIS;
        long now = clock.getAsLong();
        if (pausedUntil < now) {
            LOG.info("The API asked to slow down ({}): status checks of this account pause for {} ms ({} tasks watched)",
                    api.getCode() != null ? api.getCode() : api.getHttpStatus(), wait, watched);
        }
        pausedUntil = Math.max(pausedUntil, now + wait);
        return true;
    }
}

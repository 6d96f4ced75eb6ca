package io.camelvideo.task.http;

import org.apache.camel.RuntimeCamelException;

import java.time.Duration;

/**
 * An error answered by a remote API, carrying what routes branch on: the HTTP status, the API's own
 * error code and message, and whether the same call may be tried again (and after how long).
 * Each component has one subclass; messages never contain credentials.
 */
public abstract class RemoteApiException extends RuntimeCamelException {

    private final int httpStatus;
    private final String code;
    private final boolean retryable;
    private final Duration retryAfter;

    protected RemoteApiException(String message, int httpStatus, String code, boolean retryable, Duration retryAfter,
                                 Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.code = code;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /** The HTTP status, or 0 when no response was received. */
    public int getHttpStatus() {
        return httpStatus;
    }

    /** The API's error code as text (Kling: {@code "1303"}; Legnext: {@code "402"}), or null. */
    public String getCode() {
        return code;
    }

    /** Whether repeating the same (safe) call may succeed: throttling, 5xx, network trouble. */
    public boolean isRetryable() {
        return retryable;
    }

    /** The server's {@code Retry-After}, or null. */
    public Duration getRetryAfter() {
        return retryAfter;
    }

    /** Whether this is the server asking the whole account to slow down (HTTP 429 throttling). */
    public boolean isThrottling() {
        return retryable && httpStatus == 429;
    }
}

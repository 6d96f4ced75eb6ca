package io.camelvideo.task.http;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.HttpResponseAware;

import java.time.Duration;

/**
 * An error answered by a remote API, carrying what routes branch on: the HTTP status, the API's own
 * error code and message, and whether the same call may be tried again (and after how long).
 * Each component has one subclass; messages never contain credentials. As Camel's
 * {@link HttpResponseAware} it tells Camel's HTTP-facing components (REST DSL, platform-http) the
 * status the API answered.
 */
public abstract class RemoteApiException extends RuntimeCamelException implements HttpResponseAware {

    private int httpStatus;
    private String httpStatusText;
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

    @Override
    public int getHttpResponseCode() {
        return httpStatus;
    }

    @Override
    public void setHttpResponseCode(int code) {
        this.httpStatus = code;
    }

    /** The API's error code (e.g. {@code 1303}) unless set otherwise. */
    @Override
    public String getHttpResponseStatus() {
        return httpStatusText != null ? httpStatusText : code;
    }

    @Override
    public void setHttpResponseStatus(String status) {
        this.httpStatusText = status;
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

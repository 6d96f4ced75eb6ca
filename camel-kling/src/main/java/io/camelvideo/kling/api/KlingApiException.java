package io.camelvideo.kling.api;

import io.camelvideo.task.http.RemoteApiException;

import java.time.Duration;
import java.util.Set;

/**
 * An error answered by the Kling API or a gateway (kling-api.md §5): HTTP status, business code,
 * message and request id, and whether the call may be repeated. Billing refusals (1100–1102) come
 * as HTTP 429 too, but are never retryable; only 1302/1303 throttling and 5xx are.
 */
public class KlingApiException extends RemoteApiException {

    private static final Set<String> RETRYABLE_CODES = Set.of("1302", "1303", "5000", "5001", "5002");
    private static final Set<String> NEVER_RETRYABLE_429 = Set.of("1100", "1101", "1102", "1304");

    private final String requestId;

    public KlingApiException(String message, int httpStatus, String code, String requestId, boolean retryable,
                             Duration retryAfter, Throwable cause) {
        super(message, httpStatus, code, retryable, retryAfter, cause);
        this.requestId = requestId;
    }

    /** Builds the exception for an error answer, deciding retryability from the code first, then the status. */
    public static KlingApiException of(int httpStatus, String code, String message, String requestId, Duration retryAfter) {
        boolean retryable;
        if (code != null && RETRYABLE_CODES.contains(code)) {
            retryable = true;
        } else if (code != null && NEVER_RETRYABLE_429.contains(code)) {
            retryable = false;
        } else {
            retryable = httpStatus == 429 || httpStatus >= 500;
        }
        String text = "Kling API error " + (code != null ? code + " " : "") + "(HTTP " + httpStatus + "): "
                + (message == null || message.isBlank() ? "no message" : message)
                + (requestId != null ? " [request_id " + requestId + "]" : "");
        return new KlingApiException(text, httpStatus, code, requestId, retryable, retryable ? retryAfter : null, null);
    }

    /** The API's request id, for support tickets; may be null. */
    public String getRequestId() {
        return requestId;
    }

    /** Whether the token was refused as expired or not yet valid (1004 / 1003): a fresh JWT may succeed. */
    public boolean isTokenTimingError() {
        return "1003".equals(getCode()) || "1004".equals(getCode());
    }

    /** Whether a create was refused because the account has as many unfinished tasks as its pack allows (1303). */
    public boolean isParallelLimit() {
        return "1303".equals(getCode());
    }

    /** Whether the API says the task (or other resource) does not exist. */
    public boolean isNotFound() {
        return "1203".equals(getCode()) || "task_not_exist".equals(getCode()) || getHttpStatus() == 404;
    }
}

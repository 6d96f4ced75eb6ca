package io.camelvideo.legnext.api;

import io.camelvideo.task.http.RemoteApiException;

import java.time.Duration;

/**
 * An error answered by Legnext (legnext-api.md §6): HTTP status, code, message and raw message.
 * 429 and 5xx are retryable for queries; 400, 401, 402 (points used up), 403 (banned prompt,
 * feature not allowed), 404 and 422 are not.
 */
public class LegnextApiException extends RemoteApiException {

    private final String rawMessage;

    public LegnextApiException(String message, int httpStatus, String code, String rawMessage, boolean retryable,
                               Duration retryAfter, Throwable cause) {
        super(message, httpStatus, code, retryable, retryAfter, cause);
        this.rawMessage = rawMessage;
    }

    /** Builds the exception for an error answer. */
    public static LegnextApiException of(int httpStatus, String code, String message, String rawMessage, Duration retryAfter) {
        boolean retryable = httpStatus == 429 || httpStatus >= 500;
        String text = "Legnext API error (HTTP " + httpStatus + (code != null ? ", code " + code : "") + "): "
                + (message == null || message.isBlank() ? "no message" : message)
                + (rawMessage == null || rawMessage.isBlank() ? "" : " - " + rawMessage);
        return new LegnextApiException(text, httpStatus, code, rawMessage, retryable, retryable ? retryAfter : null, null);
    }

    /** The API's detailed message (e.g. which field was invalid), or null. */
    public String getRawMessage() {
        return rawMessage;
    }
}

package io.camelvideo.emulator.legnext;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal of the emulated Legnext API, answered with the flat error body of legnext-api.md §6:
 * {@code {"code":<http>, "message", "raw_message", "detail":null}}.
 */
public final class LegnextError extends RuntimeException {

    private final int status;
    private final String rawMessage;

    public LegnextError(int status, String message, String rawMessage) {
        super(message, null, false, false);
        this.status = status;
        this.rawMessage = rawMessage;
    }

    /** 400 "Invalid request parameters" with the field and problem in {@code raw_message}. */
    public static LegnextError invalid(String field, String problem) {
        return new LegnextError(400, "Invalid request parameters", field + ": " + problem);
    }

    public int status() {
        return status;
    }

    public Map<String, Object> body() {
        return body(status, getMessage(), rawMessage);
    }

    static Map<String, Object> body(int status, String message, String rawMessage) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", status);
        body.put("message", message);
        body.put("raw_message", rawMessage == null ? "" : rawMessage);
        body.put("detail", null);
        return body;
    }
}

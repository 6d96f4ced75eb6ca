package io.camelvideo.emulator.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the emulator answers: a status, a content type, extra headers and a body that is written
 * when it is sent (so large media is streamed, never held in memory).
 */
public final class ApiResponse {

    /** Writes a body to the connection. */
    @FunctionalInterface
    public interface BodyWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    private final int status;
    private final String contentType;
    private final long length;
    private final BodyWriter body;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ApiResponse(int status, String contentType, long length, BodyWriter body) {
        this.status = status;
        this.contentType = contentType;
        this.length = length;
        this.body = body;
    }

    public static ApiResponse json(int status, Object value) {
        return bytes(status, "application/json", Json.write(value));
    }

    public static ApiResponse bytes(int status, String contentType, byte[] bytes) {
        return new ApiResponse(status, contentType, bytes.length, out -> out.write(bytes));
    }

    public static ApiResponse text(int status, String text) {
        return bytes(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    public ApiResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    /** The body length in bytes, or -1 when the response has no body. */
    public long length() {
        return length;
    }

    public BodyWriter body() {
        return body;
    }

    public Map<String, String> headers() {
        return headers;
    }
}

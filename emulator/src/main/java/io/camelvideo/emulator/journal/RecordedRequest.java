package io.camelvideo.emulator.journal;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A request the emulator received, with the status it answered ({@code -1} when the connection was
 * dropped) and the fault played on it, if any.
 */
public record RecordedRequest(long sequence, long receivedAtMillis, String method, String path, Map<String, String> query,
                              Map<String, String> headers, byte[] body, int responseStatus, String fault) {

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}

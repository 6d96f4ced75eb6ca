package io.camelvideo.emulator.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request as the emulated APIs see it: method, decoded path, query parameters, headers
 * (names lower-cased) and the raw body.
 */
public record ApiRequest(String method, String path, Map<String, String> query, Map<String, String> headers, byte[] body) {

    public ApiRequest {
        query = Collections.unmodifiableMap(query);
        headers = Collections.unmodifiableMap(headers);
    }

    /** The header value for a case-insensitive name, or {@code null}. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Parses {@code a=1&b=2} into a map (first value wins). */
    public static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.putIfAbsent(name, value);
        }
        return query;
    }

    /** Lower-cases header names and keeps the first value of each. */
    public static Map<String, String> flattenHeaders(Map<String, List<String>> raw) {
        Map<String, String> headers = new LinkedHashMap<>();
        raw.forEach((name, values) -> {
            if (name != null && values != null && !values.isEmpty()) {
                headers.putIfAbsent(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        return headers;
    }
}

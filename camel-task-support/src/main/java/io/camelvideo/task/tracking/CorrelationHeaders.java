package io.camelvideo.task.tracking;

import java.util.LinkedHashMap;
import java.util.Map;

/** Picks the headers a tracked task keeps: a comma-separated list of names, a trailing {@code *} matching a prefix. */
public final class CorrelationHeaders {

    private CorrelationHeaders() {
    }

    /** The selected headers with a value, as text. */
    public static Map<String, String> select(Map<String, Object> headers, String patterns) {
        Map<String, String> selected = new LinkedHashMap<>();
        if (patterns == null || patterns.isBlank()) {
            return selected;
        }
        for (String raw : patterns.split(",")) {
            String pattern = raw.trim();
            if (pattern.isEmpty()) {
                continue;
            }
            boolean prefix = pattern.endsWith("*");
            String name = prefix ? pattern.substring(0, pattern.length() - 1) : pattern;
            headers.forEach((header, value) -> {
                boolean matches = prefix ? header.regionMatches(true, 0, name, 0, name.length()) : header.equalsIgnoreCase(name);
                if (matches && value != null) {
                    selected.put(header, value.toString());
                }
            });
        }
        return selected;
    }
}

package io.camelvideo.task.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Conversions of request field values that may come from options, headers or bodies (text, numbers,
 * lists, JSON), each failing with the component's validation error for the field.
 */
public final class FieldValues {

    private FieldValues() {
    }

    /** A finite number; {@code invalid} builds the error from the problem text. */
    public static Double number(Object value, Function<String, RuntimeException> invalid) {
        double number;
        if (value instanceof Number n) {
            number = n.doubleValue();
        } else {
            refuseStructure(value, "a number", invalid);
            try {
                number = Double.parseDouble(value.toString().trim());
            } catch (NumberFormatException e) {
                throw invalid.apply("must be a number (was '" + value + "')");
            }
        }
        if (!Double.isFinite(number)) {
            throw invalid.apply("must be a finite number (was '" + value + "')");
        }
        return number;
    }

    /**
     * A short value as text: a text, a finite number or a boolean (so {@code duration} may be 5 or "5");
     * a list, map or other structure is refused rather than sent as its {@code toString()}.
     */
    public static String text(Object value, Function<String, RuntimeException> invalid) {
        if (value instanceof CharSequence text) {
            return validUtf16(text.toString(), invalid);
        }
        if (value instanceof Number n) {
            if (n instanceof Double d && !Double.isFinite(d) || n instanceof Float f && !Float.isFinite(f)) {
                throw invalid.apply("must be a finite number (was '" + value + "')");
            }
            return n.toString();
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        refuseStructure(value, "text", invalid);
        return validUtf16(value.toString(), invalid);
    }

    /**
     * Text a person writes for the model (a prompt): only a text is accepted (a number or a list is a
     * mistake upstream, not a prompt), it must be valid UTF-16, have at least one visible character,
     * and hold no bidirectional override or isolate characters (text that reads differently than it is).
     */
    public static String prose(Object value, Function<String, RuntimeException> invalid) {
        if (!(value instanceof CharSequence)) {
            throw invalid.apply("must be text (was " + kind(value) + ")");
        }
        String text = validUtf16(value.toString(), invalid);
        boolean visible = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
                throw invalid.apply(String.format("must not contain bidirectional control characters (U+%04X at %d)", c, i));
            }
            if (!invisible(c)) {
                visible = true;
            }
            i += Character.charCount(c);
        }
        if (!text.isEmpty() && !visible) {
            throw invalid.apply("has no visible character");
        }
        return text;
    }

    private static boolean invisible(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.CONTROL || c == 0x3164 || c == 0x115F || c == 0x1160
                || c == 0xFFA0 || c == 0x2800;
    }

    private static String validUtf16(String text, Function<String, RuntimeException> invalid) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw invalid.apply("is not valid text: a lone UTF-16 surrogate at " + i);
            }
        }
        return text;
    }

    private static void refuseStructure(Object value, String expected, Function<String, RuntimeException> invalid) {
        if (value instanceof Collection<?> || value instanceof Map<?, ?> || value instanceof Object[] || value instanceof JsonNode node
                && node.isContainerNode()) {
            throw invalid.apply("must be " + expected + " (was " + kind(value) + ")");
        }
    }

    private static String kind(Object value) {
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Collection<?> || value instanceof Object[] || value instanceof JsonNode node && node.isArray()) {
            return "a list";
        }
        if (value instanceof Map<?, ?> || value instanceof JsonNode node && node.isObject()) {
            return "an object";
        }
        return "a " + value.getClass().getSimpleName();
    }

    /** A whole number. */
    public static Integer integer(Object value, Function<String, RuntimeException> invalid) {
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.intValue();
        }
        try {
            return Integer.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            throw invalid.apply("must be a whole number (was '" + value + "')");
        }
    }

    /** {@code true} or {@code false}, nothing else. */
    public static Boolean bool(Object value, Function<String, RuntimeException> invalid) {
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.valueOf(text);
        }
        throw invalid.apply("must be true or false (was '" + value + "')");
    }

    /** A JSON object from JSON text, a Map or a JsonNode. */
    public static JsonNode jsonObject(ObjectMapper mapper, Object value, Function<String, RuntimeException> invalid) {
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof Map<?, ?>) {
            return mapper.valueToTree(value);
        }
        try {
            JsonNode node = mapper.readTree(value.toString());
            if (node == null || !node.isObject()) {
                throw invalid.apply("must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw invalid.apply("must be a JSON object (" + e.getOriginalMessage() + ")");
        }
    }

    /** The items of a Collection or array, each converted, or of a comma-separated text; an empty item is refused. */
    public static List<String> list(Object value, Function<Object, String> item, Function<String, RuntimeException> invalid) {
        List<String> items = new ArrayList<>();
        if (value instanceof Collection<?> || value instanceof Object[]) {
            Collection<?> elements = value instanceof Collection<?> collection ? collection
                    : java.util.Arrays.asList((Object[]) value);
            nullSafe(elements, invalid).forEach(element -> items.add(item.apply(element)));
        } else {
            for (String element : value.toString().split(",")) {
                if (!element.isBlank()) {
                    items.add(item.apply(element.trim()));
                }
            }
        }
        return items;
    }

    private static Collection<?> nullSafe(Collection<?> elements, Function<String, RuntimeException> invalid) {
        int index = 0;
        for (Object element : elements) {
            if (element == null) {
                throw invalid.apply("must not contain empty items (item " + index + " is null)");
            }
            index++;
        }
        return elements;
    }
}

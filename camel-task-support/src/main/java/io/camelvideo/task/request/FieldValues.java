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

    /** A number; {@code invalid} builds the error from the problem text. */
    public static Double number(Object value, Function<String, RuntimeException> invalid) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            throw invalid.apply("must be a number (was '" + value + "')");
        }
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

    /** The items of a Collection or array, each converted, or of a comma-separated text. */
    public static List<String> list(Object value, Function<Object, String> item) {
        List<String> items = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            collection.forEach(element -> items.add(item.apply(element)));
        } else if (value instanceof Object[] array) {
            for (Object element : array) {
                items.add(item.apply(element));
            }
        } else {
            for (String element : value.toString().split(",")) {
                if (!element.isBlank()) {
                    items.add(item.apply(element.trim()));
                }
            }
        }
        return items;
    }
}

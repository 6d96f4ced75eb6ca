package io.camelvideo.legnext.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelvideo.legnext.LegnextConfiguration;
import io.camelvideo.legnext.LegnextOperation;
import io.camelvideo.legnext.LegnextValidationException;
import io.camelvideo.legnext.model.LegnextJob;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a message into the JSON body of a Legnext submit, then validates it. Precedence, highest
 * first: the body (a {@link LegnextRequest}, a Map or JSON object text with the API's field names; a
 * String is the operation's prompt: {@code text} for diffusion, {@code prompt} for shorten and the
 * video operations, {@code remixPrompt} for the remix family, {@code imgUrl} for describe), then
 * {@code CamelLegnext...} headers, then endpoint options. Fields an operation does not take are not sent.
 */
public final class LegnextRequestFactory {

    private final ObjectMapper mapper;

    public LegnextRequestFactory(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The validated submit body for {@code operation}. */
    public ObjectNode create(Exchange exchange, LegnextOperation operation, LegnextConfiguration options) {
        Map<LegnextField, Object> values = new EnumMap<>(LegnextField.class);
        for (LegnextField field : LegnextField.values()) {
            put(values, field, optionValue(field, options));
        }
        Message message = exchange.getMessage();
        for (LegnextField field : LegnextField.values()) {
            if (field.header() != null) {
                put(values, field, message.getHeader(field.header()));
            }
        }
        fromBody(values, message.getBody(), operation, exchange);
        values.keySet().removeIf(field -> !field.appliesTo(operation));
        if (values.get(LegnextField.TYPE) == null && LegnextField.TYPE.appliesTo(operation)) {
            values.put(LegnextField.TYPE, 0);
        }
        LegnextRequestValidator.validate(operation, values);
        ObjectNode json = mapper.createObjectNode();
        values.forEach((field, value) -> json.set(field.apiName(), mapper.valueToTree(value)));
        return json;
    }

    private void fromBody(Map<LegnextField, Object> values, Object body, LegnextOperation operation, Exchange exchange) {
        if (body == null || body instanceof LegnextJob) {
            return;
        }
        if (body instanceof LegnextRequest request) {
            fromMap(values, request.toMap());
            return;
        }
        if (body instanceof Map<?, ?> map) {
            fromMap(values, map);
            return;
        }
        if (body instanceof JsonNode node) {
            fromMap(values, jsonObject(node));
            return;
        }
        String text = exchange.getContext().getTypeConverter().convertTo(String.class, exchange, body);
        if (text == null || text.isBlank()) {
            return;
        }
        if (text.trim().startsWith("{")) {
            try {
                fromMap(values, jsonObject(mapper.readTree(text)));
            } catch (JsonProcessingException e) {
                throw new LegnextValidationException("body", "starts with '{' but is not valid JSON: " + e.getOriginalMessage());
            }
            return;
        }
        if (operation.textField() != null) {
            put(values, LegnextField.named(operation.textField()), text);
        }
    }

    private Map<?, ?> jsonObject(JsonNode node) {
        if (!node.isObject()) {
            throw new LegnextValidationException("body", "JSON must be an object of request fields");
        }
        return mapper.convertValue(node, Map.class);
    }

    private void fromMap(Map<LegnextField, Object> values, Map<?, ?> map) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            LegnextField field = LegnextField.named(String.valueOf(entry.getKey()));
            if (field == null) {
                throw new LegnextValidationException("body", "has an unknown field '" + entry.getKey() + "'; known fields: "
                        + Arrays.stream(LegnextField.values()).map(LegnextField::option).toList());
            }
            put(values, field, entry.getValue());
        }
    }

    /** Converts a value to the field's type and stores it (null leaves the field as it was). */
    private void put(Map<LegnextField, Object> values, LegnextField field, Object value) {
        if (value == null) {
            return;
        }
        Object converted = switch (field.type()) {
            case TEXT -> value.toString();
            case INTEGER -> integer(field, value);
            case NUMBER -> number(field, value);
            case URL_LIST -> urls(value);
            case JSON -> json(field, value);
        };
        values.put(field, converted);
    }

    private static Integer integer(LegnextField field, Object value) {
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.intValue();
        }
        try {
            return Integer.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            throw LegnextRequestValidator.invalid(field, "must be a whole number (was '" + value + "')");
        }
    }

    private static Double number(LegnextField field, Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            throw LegnextRequestValidator.invalid(field, "must be a number (was '" + value + "')");
        }
    }

    private static List<String> urls(Object value) {
        List<String> urls = new ArrayList<>();
        if (value instanceof Collection<?> items) {
            items.forEach(item -> urls.add(String.valueOf(item).trim()));
        } else if (value instanceof Object[] items) {
            for (Object item : items) {
                urls.add(String.valueOf(item).trim());
            }
        } else {
            for (String item : value.toString().split(",")) {
                if (!item.isBlank()) {
                    urls.add(item.trim());
                }
            }
        }
        return urls;
    }

    private JsonNode json(LegnextField field, Object value) {
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof Map<?, ?>) {
            return mapper.valueToTree(value);
        }
        try {
            JsonNode node = mapper.readTree(value.toString());
            if (node == null || !node.isObject()) {
                throw LegnextRequestValidator.invalid(field, "must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw LegnextRequestValidator.invalid(field, "must be a JSON object (" + e.getOriginalMessage() + ")");
        }
    }

    private static Object optionValue(LegnextField field, LegnextConfiguration o) {
        return switch (field) {
            case TEXT -> o.getText();
            case PROMPT -> o.getPrompt();
            case REMIX_PROMPT -> o.getRemixPrompt();
            case JOB_ID -> o.getJobId();
            case IMAGE_NO -> o.getImageNo();
            case VIDEO_NO -> o.getVideoNo();
            case TYPE -> o.getType();
            case DIRECTION -> o.getDirection();
            case SCALE -> o.getScale();
            case IMG_URLS -> o.getImgUrls();
            case ASPECT_RATIO -> o.getAspectRatio();
            case IMG_URL -> o.getImgUrl();
            case MASK -> o.getMask();
            case MODE -> o.getMode();
            case VIDEO_TYPE -> o.getVideoType();
            case CALLBACK -> o.getCallback();
        };
    }
}

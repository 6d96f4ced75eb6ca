package io.camelvideo.legnext.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelvideo.legnext.LegnextConfiguration;
import io.camelvideo.legnext.LegnextOperation;
import io.camelvideo.legnext.LegnextValidationException;
import io.camelvideo.legnext.model.LegnextJob;
import io.camelvideo.task.request.FieldValues;
import io.camelvideo.task.request.UnknownFields;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.util.Arrays;
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
        List<LegnextField> fields = Arrays.stream(LegnextField.values()).filter(field -> field.appliesTo(operation)).toList();
        for (LegnextField field : fields) {
            put(values, field, field.endpointValue(options));
        }
        Message message = exchange.getMessage();
        for (LegnextField field : fields) {
            if (field.header() != null) {
                put(values, field, message.getHeader(field.header()));
            }
        }
        UnknownFields unknown = new UnknownFields(mapper, UnknownFields.CAMEL_OR_SNAKE_CASE, LegnextValidationException::new);
        fromBody(values, unknown, message.getBody(), operation, exchange);
        values.keySet().removeIf(field -> !field.appliesTo(operation));
        if (values.get(LegnextField.TYPE) == null && LegnextField.TYPE.appliesTo(operation)) {
            values.put(LegnextField.TYPE, 0);
        }
        LegnextRequestValidator.validate(operation, values);
        ObjectNode json = mapper.createObjectNode();
        values.forEach((field, value) -> json.set(field.apiName(), mapper.valueToTree(value)));
        unknown.copyInto(json);
        return json;
    }

    private void fromBody(Map<LegnextField, Object> values, UnknownFields unknown, Object body, LegnextOperation operation,
                          Exchange exchange) {
        if (body == null || body instanceof LegnextJob) {
            return;
        }
        if (body instanceof LegnextRequest request) {
            fromMap(values, unknown, request.toMap(), operation);
            return;
        }
        if (body instanceof Map<?, ?> map) {
            fromMap(values, unknown, map, operation);
            return;
        }
        if (body instanceof JsonNode node) {
            fromMap(values, unknown, jsonObject(node), operation);
            return;
        }
        if (operation == LegnextOperation.describe && (body instanceof byte[] || body instanceof java.io.InputStream
                || body instanceof java.io.File || body instanceof java.nio.file.Path || body instanceof org.apache.camel.WrappedFile<?>)) {
            put(values, LegnextField.IMAGE_BASE64, dataUri(exchange, body));
            return;
        }
        String text = exchange.getContext().getTypeConverter().convertTo(String.class, exchange, body);
        if (text == null || text.isBlank()) {
            return;
        }
        if (text.trim().startsWith("{")) {
            try {
                fromMap(values, unknown, jsonObject(mapper.readTree(text)), operation);
            } catch (JsonProcessingException e) {
                throw new LegnextValidationException("body", "starts with '{' but is not valid JSON: " + e.getOriginalMessage());
            }
            return;
        }
        if (operation.textField() != null) {
            put(values, LegnextField.named(operation.textField(), operation), text);
        }
    }

    private Map<?, ?> jsonObject(JsonNode node) {
        if (!node.isObject()) {
            throw new LegnextValidationException("body", "JSON must be an object of request fields");
        }
        return mapper.convertValue(node, Map.class);
    }

    private void fromMap(Map<LegnextField, Object> values, UnknownFields unknown, Map<?, ?> map, LegnextOperation operation) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            LegnextField field = LegnextField.named(String.valueOf(entry.getKey()), operation);
            if (field == null) {
                unknown.add(String.valueOf(entry.getKey()), entry.getValue(),
                        Arrays.stream(LegnextField.values()).map(LegnextField::option).toList());
                continue;
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
            case PROSE -> FieldValues.prose(value, problem -> LegnextRequestValidator.invalid(field, problem));
            case TEXT -> FieldValues.text(value, problem -> LegnextRequestValidator.invalid(field, problem));
            case INTEGER -> FieldValues.integer(value, problem -> LegnextRequestValidator.invalid(field, problem));
            case NUMBER -> FieldValues.number(value, problem -> LegnextRequestValidator.invalid(field, problem));
            case URL_LIST -> FieldValues.list(value, item -> FieldValues.text(item,
                    problem -> LegnextRequestValidator.invalid(field, problem)).trim(),
                    problem -> LegnextRequestValidator.invalid(field, problem));
            case JSON -> FieldValues.jsonObject(mapper, value, problem -> LegnextRequestValidator.invalid(field, problem));
        };
        values.put(field, converted);
    }

    /** An image body as the data URI describe takes; the type from the file's first bytes (PNG, JPEG, WebP, GIF). */
    private static String dataUri(Exchange exchange, Object body) {
        Object source = body instanceof org.apache.camel.WrappedFile<?> wrapped ? wrapped.getFile() : body;
        byte[] bytes = exchange.getContext().getTypeConverter().convertTo(byte[].class, exchange, source);
        if (bytes == null || bytes.length == 0) {
            throw new LegnextValidationException("imageBase64", "the image body is empty or cannot be read");
        }
        if (bytes.length > 10 * 1024 * 1024) {
            throw new LegnextValidationException("imageBase64", "the image must be at most 10 MB (was " + bytes.length + " bytes)");
        }
        String type = bytes.length > 3 && bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xD8 ? "jpeg"
                : bytes.length > 11 && bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B' && bytes[11] == 'P' ? "webp"
                : bytes.length > 3 && bytes[0] == 'G' && bytes[1] == 'I' && bytes[2] == 'F' ? "gif" : "png";
        return "data:image/" + type + ";base64," + java.util.Base64.getEncoder().encodeToString(bytes);
    }
}

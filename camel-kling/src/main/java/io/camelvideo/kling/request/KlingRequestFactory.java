package io.camelvideo.kling.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelvideo.kling.KlingCapabilityCheck;
import io.camelvideo.kling.KlingConfiguration;
import io.camelvideo.kling.KlingConstants;
import io.camelvideo.kling.KlingKind;
import io.camelvideo.kling.KlingValidationException;
import io.camelvideo.kling.model.KlingTask;
import io.camelvideo.task.request.FieldValues;
import io.camelvideo.task.request.UnknownFields;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.WrappedFile;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

/**
 * Turns a message into the JSON body of a create, then validates it.
 *
 * <p>Precedence, highest first: the body (a {@link KlingRequest}, a Map or JSON object text with
 * option or API field names; a String is the prompt; for image kinds a byte[], InputStream or file
 * is the image), then {@code CamelKling...} headers, then endpoint options. Fields a kind does not
 * take are not sent. Two headers that earlier Kling steps set are read with care so that steps chain:
 * {@code CamelKlingExternalTaskId} names a new task only while the message carries no
 * {@code CamelKlingTaskId}, and {@code CamelKlingVideoUrl} is the input of addSound only when no video
 * id is known.
 *
 * <p>The body carries an {@code external_task_id} only when one was given (option, header or
 * body); otherwise the producer derives one from the input (see {@code InputIdentity}).
 */
public final class KlingRequestFactory {

    private final ObjectMapper mapper;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KlingRequestFactory.class);
    /** The capability problems already warned about (once each). */
    private final Set<String> warned = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public KlingRequestFactory(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The validated create body for {@code kind}. */
    public ObjectNode create(Exchange exchange, KlingKind kind, KlingConfiguration options) {
        Map<KlingField, Object> values = new EnumMap<>(KlingField.class);
        Message message = exchange.getMessage();
        List<KlingField> fields = KlingField.of(kind);
        for (KlingField field : fields) {
            put(values, field, field.endpointValue(options), exchange);
        }
        Map<KlingField, Object> explicit = new EnumMap<>(values);
        Set<KlingField> fromHeaders = EnumSet.noneOf(KlingField.class);
        for (KlingField field : fields) {
            Object header = field.header() == null ? null : message.getHeader(field.header());
            if (header == null || (field == KlingField.EXTERNAL_TASK_ID && message.getHeader(KlingConstants.TASK_ID) != null)) {
                continue;
            }
            put(values, field, header, exchange);
            fromHeaders.add(field);
        }
        UnknownFields unknown = new UnknownFields(mapper, UnknownFields.SNAKE_CASE, KlingValidationException::new);
        for (KlingField field : fromBody(values, unknown, message.getBody(), kind, exchange)) {
            fromHeaders.remove(field);
            explicit.put(field, values.get(field));
        }
        if (kind == KlingKind.addSound || kind == KlingKind.identifyFace || kind == KlingKind.multiElementsSelection) {
            chooseSourceVideo(values, explicit, fromHeaders, KlingField.VIDEO_ID, KlingField.VIDEO_URL);
        } else if (kind == KlingKind.lipSync) {
            chooseSourceVideo(values, explicit, fromHeaders, KlingField.LIP_SYNC_VIDEO_ID, KlingField.LIP_SYNC_VIDEO_URL);
        }
        values.keySet().removeIf(field -> !field.appliesTo(kind));
        KlingRequestValidator.validate(kind, values);
        checkCapabilities(kind, values, options.getCapabilityCheck());
        ObjectNode json = toJson(values);
        unknown.copyInto(json);
        if (kind == KlingKind.lipSync) {
            completeLipSync(json);
        }
        if (kind == KlingKind.text2audio && json.has("duration")) {
            json.put("duration", Double.parseDouble(json.get("duration").asText().trim())); // a number here, a string elsewhere
        }
        return json;
    }

    /**
     * addSound takes exactly one of video id and video URL. A value set explicitly (option or body)
     * beats one that only came from a header of an earlier step; of two header values the id wins.
     */
    private static void chooseSourceVideo(Map<KlingField, Object> values, Map<KlingField, Object> explicit,
                                          Set<KlingField> fromHeaders, KlingField videoId, KlingField videoUrl) {
        boolean idExplicit = explicit.get(videoId) != null && !fromHeaders.contains(videoId);
        boolean urlExplicit = explicit.get(videoUrl) != null && !fromHeaders.contains(videoUrl);
        if (idExplicit && urlExplicit) {
            return; // both given on purpose: the validator refuses it
        }
        if (urlExplicit) {
            values.remove(videoId);
        } else if (values.get(videoId) != null) {
            values.remove(videoUrl);
        }
    }

    /**
     * The legacy lip sync's {@code input.mode} and {@code input.audio_type} follow from what was given: a
     * text is read by a voice ({@code text2video}), a sound is an {@code audio_url} or, when not a URL,
     * an {@code audio_file} ({@code audio2video}). Values the body set itself are kept.
     */
    private static void completeLipSync(ObjectNode json) {
        ObjectNode input = json.withObject("/input");
        if (input.hasNonNull("audio_url") && !input.hasNonNull("audio_type")) {
            String audio = input.get("audio_url").asText();
            boolean url = audio.startsWith("http://") || audio.startsWith("https://");
            input.put("audio_type", url ? "url" : "file");
            if (!url) {
                input.set("audio_file", input.remove("audio_url"));
            }
        }
        if (!input.hasNonNull("mode")) {
            input.put("mode", input.hasNonNull("text") ? "text2video" : "audio2video");
        }
    }

    /** Applies the capability map: refuses ({@code strict}) or warns once per problem ({@code warn}). */
    private void checkCapabilities(KlingKind kind, Map<KlingField, Object> values, KlingCapabilityCheck check) {
        if (check == null || check == KlingCapabilityCheck.off) {
            return;
        }
        List<String> problems = KlingCapabilities.problems(kind, values);
        if (problems.isEmpty()) {
            return;
        }
        if (check == KlingCapabilityCheck.strict) {
            throw new KlingValidationException("model", String.join("; ", problems)
                    + " (kling-api-current.md capability map; capabilityCheck=warn lets the API decide)");
        }
        for (String problem : problems) {
            if (warned.add(kind + ": " + problem)) {
                LOG.warn("kling:{}: {}; sending it anyway, the API decides (capabilityCheck=strict refuses, off is silent)",
                        kind, problem);
            }
        }
    }

    /** Checks a task id or external task id before it goes into a query's path; returns it. */
    public static String checkTaskReference(String name, String id) {
        return KlingRequestValidator.taskReference(name, id);
    }

    /** Checks list paging before any call. */
    public static void checkPaging(int pageNum, int pageSize) {
        KlingRequestValidator.paging(pageNum, pageSize);
    }

    /** Applies the body's fields; returns the fields it set. */
    private List<KlingField> fromBody(Map<KlingField, Object> values, UnknownFields unknown, Object body, KlingKind kind,
                                      Exchange exchange) {
        List<KlingField> set = new ArrayList<>();
        if (body == null || body instanceof KlingTask) {
            return set;
        }
        if (body instanceof KlingRequest request) {
            return fromMap(values, unknown, request.toMap(), kind, exchange);
        }
        if (body instanceof Map<?, ?> map) {
            return fromMap(values, unknown, map, kind, exchange);
        }
        if (body instanceof JsonNode node) {
            return fromMap(values, unknown, jsonObject(node), kind, exchange);
        }
        KlingField listField = kind == KlingKind.multiImage2video ? KlingField.IMAGE_LIST
                : kind == KlingKind.multiImage2image ? KlingField.SUBJECT_IMAGES : null;
        if (listField != null && (body instanceof Collection<?> || body instanceof Object[])) {
            put(values, listField, body, exchange);
            set.add(listField);
            return set;
        }
        boolean binary = body instanceof byte[] || body instanceof InputStream || body instanceof File
                || body instanceof Path || body instanceof WrappedFile<?>;
        if (binary && kind.takesImage()) {
            String image = Base64.getEncoder().encodeToString(readImage(KlingField.IMAGE, body, exchange));
            KlingField field = listField != null ? listField : KlingField.named("image", kind);
            values.put(field, field.type() == KlingField.Type.IMAGE_LIST ? List.of(image) : image);
            set.add(field);
            return set;
        }
        String text = exchange.getContext().getTypeConverter().convertTo(String.class, exchange, body);
        if (text == null || text.isBlank()) {
            return set;
        }
        String trimmed = text.trim();
        if (trimmed.startsWith("{")) {
            JsonNode node;
            try {
                node = mapper.readTree(trimmed);
            } catch (JsonProcessingException e) {
                throw new KlingValidationException("body", "starts with '{' but is not valid JSON: " + e.getOriginalMessage());
            }
            return fromMap(values, unknown, jsonObject(node), kind, exchange);
        }
        KlingField prompt = KlingField.named("prompt", kind); // the kind's text field: prompt, or tts' text
        put(values, prompt, text, exchange);
        set.add(prompt);
        return set;
    }

    private Map<?, ?> jsonObject(JsonNode node) {
        if (!node.isObject()) {
            throw new KlingValidationException("body", "JSON must be an object of request fields");
        }
        return mapper.convertValue(node, Map.class);
    }

    private List<KlingField> fromMap(Map<KlingField, Object> values, UnknownFields unknown, Map<?, ?> map, KlingKind kind,
                                     Exchange exchange) {
        List<KlingField> set = new ArrayList<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String name = String.valueOf(entry.getKey());
            KlingField field = KlingField.named(name, kind);
            if (field == null && entry.getValue() instanceof Map<?, ?> nested && KlingField.isParent(name, kind)) {
                // an object the kind's fields live in (lipSync's input): its known fields are read, the rest sent on
                Map<String, Object> rest = new java.util.LinkedHashMap<>();
                nested.forEach((key, value) -> {
                    KlingField inner = KlingField.named(name + "." + key, kind);
                    if (inner == null) {
                        rest.put(String.valueOf(key), value);
                    } else if (value != null) {
                        put(values, inner, value, exchange);
                        set.add(inner);
                    }
                });
                if (!rest.isEmpty()) {
                    unknown.add(name, rest, java.util.Arrays.stream(KlingField.values()).map(KlingField::option).toList());
                }
                continue;
            }
            if (field == null) {
                unknown.add(name, entry.getValue(), java.util.Arrays.stream(KlingField.values()).map(KlingField::option).toList());
                continue;
            }
            if (field == KlingField.WATERMARK && entry.getValue() instanceof Map<?, ?> info) {
                put(values, field, info.get("enabled"), exchange);
            } else {
                put(values, field, entry.getValue(), exchange);
            }
            set.add(field);
        }
        return set;
    }

    /** Converts a value to the field's type and stores it (null leaves the field as it was). */
    private void put(Map<KlingField, Object> values, KlingField field, Object value, Exchange exchange) {
        if (value == null) {
            return;
        }
        Object converted = switch (field.type()) {
            case PROSE -> FieldValues.prose(value, problem -> KlingRequestValidator.invalid(field, problem));
            case TEXT -> FieldValues.text(value, problem -> KlingRequestValidator.invalid(field, problem));
            case NUMBER -> FieldValues.number(value, problem -> KlingRequestValidator.invalid(field, problem));
            case INTEGER -> FieldValues.integer(value, problem -> KlingRequestValidator.invalid(field, problem));
            case BOOLEAN -> FieldValues.bool(value, problem -> KlingRequestValidator.invalid(field, problem));
            case JSON -> FieldValues.jsonObject(mapper, value, problem -> KlingRequestValidator.invalid(field, problem));
            case IMAGE -> image(field, value, exchange);
            case IMAGE_REFERENCES -> imageReferences(field, value);
            case IMAGE_LIST -> FieldValues.list(value, item -> image(field, item instanceof String text ? text.trim()
                            : item instanceof Map<?, ?> object && object.get(field.itemKey()) != null ? object.get(field.itemKey())
                            : item, exchange),
                    problem -> KlingRequestValidator.invalid(field, problem));
        };
        values.put(field, converted);
    }

    /** Omni-video image references: a URL becomes {@code {image_url}}; an object is kept as the API writes it. */
    private JsonNode imageReferences(KlingField field, Object value) {
        ArrayNode references = mapper.createArrayNode();
        Collection<?> items = value instanceof Collection<?> list ? list
                : value instanceof JsonNode node && node.isArray() ? mapper.convertValue(node, List.class)
                : FieldValues.list(value, item -> FieldValues.text(item, problem -> KlingRequestValidator.invalid(field, problem)),
                        problem -> KlingRequestValidator.invalid(field, problem));
        int index = 0;
        for (Object item : items) {
            if (item instanceof Map<?, ?> || item instanceof JsonNode) {
                references.add(mapper.<JsonNode>valueToTree(item));
            } else if (item instanceof String url) {
                references.addObject().put("image_url", url.trim());
            } else {
                throw KlingRequestValidator.invalid(field, "item " + index + " must be an image URL or an object {image_url, type}"
                        + (item == null ? " (was null)" : ""));
            }
            index++;
        }
        return references;
    }

    private String image(KlingField field, Object value, Exchange exchange) {
        if (value instanceof String s) {
            int comma = s.indexOf(',');
            return s.startsWith("data:") && comma > 0 ? s.substring(comma + 1) : s;
        }
        return Base64.getEncoder().encodeToString(readImage(field, value, exchange));
    }

    /** Reads an image body, refusing more than 10 MB without reading further. */
    private static byte[] readImage(KlingField field, Object body, Exchange exchange) {
        try {
            Object source = body instanceof WrappedFile<?> wrapped ? wrapped.getFile() : body;
            if (source instanceof byte[] bytes) {
                checkImageSize(field, bytes.length);
                return bytes;
            }
            if (source instanceof File file) {
                checkImageSize(field, file.length());
                return Files.readAllBytes(file.toPath());
            }
            if (source instanceof Path path) {
                checkImageSize(field, Files.size(path));
                return Files.readAllBytes(path);
            }
            if (source instanceof Number || source instanceof Boolean || source instanceof java.util.Collection<?>
                    || source instanceof java.util.Map<?, ?>) {
                throw unreadable(field, source);
            }
            InputStream stream = source instanceof InputStream in ? in
                    : exchange.getContext().getTypeConverter().mandatoryConvertTo(InputStream.class, exchange, source);
            byte[] bytes = stream.readNBytes((int) KlingRequestValidator.IMAGE_MAX_BYTES + 1);
            checkImageSize(field, bytes.length);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the image body", e);
        } catch (org.apache.camel.NoTypeConversionAvailableException e) {
            throw unreadable(field, body);
        }
    }

    private static KlingValidationException unreadable(KlingField field, Object value) {
        String was = value instanceof Number ? "a number" : value instanceof Boolean ? "a boolean"
                : value instanceof java.util.Collection<?> ? "a list" : value instanceof java.util.Map<?, ?> ? "an object"
                : "a " + value.getClass().getName();
        return KlingRequestValidator.invalid(field, "must be an image URL, Base64 text, bytes, a file or a stream (was " + was + ")");
    }

    private static void checkImageSize(KlingField field, long bytes) {
        if (bytes > KlingRequestValidator.IMAGE_MAX_BYTES) {
            throw KlingRequestValidator.invalid(field, "must be at most 10 MB (the body has "
                    + (bytes > KlingRequestValidator.IMAGE_MAX_BYTES + 1 ? bytes + " bytes" : "more") + ")");
        }
    }

    private ObjectNode toJson(Map<KlingField, Object> values) {
        ObjectNode json = mapper.createObjectNode();
        values.forEach((field, value) -> {
            ObjectNode target = field.parent() == null ? json : json.withObject("/" + field.parent());
            String name = field.leafName();
            switch (field.type()) {
                case NUMBER -> target.put(name, (Double) value);
                case INTEGER -> target.put(name, (Integer) value);
                case BOOLEAN -> {
                    if (field == KlingField.WATERMARK) {
                        target.putObject(name).put("enabled", (Boolean) value);
                    } else {
                        target.put(name, (Boolean) value);
                    }
                }
                case JSON, IMAGE_REFERENCES -> target.set(name, (JsonNode) value);
                case IMAGE_LIST -> {
                    ArrayNode list = target.putArray(name);
                    @SuppressWarnings("unchecked")
                    List<String> images = (List<String>) value;
                    images.forEach(image -> list.addObject().put(field.itemKey(), image));
                }
                default -> target.put(name, (String) value);
            }
        });
        return json;
    }
}

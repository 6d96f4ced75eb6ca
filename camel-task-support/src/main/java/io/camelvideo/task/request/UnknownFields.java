package io.camelvideo.task.request;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * The fields of a JSON or Map body that a component does not know: sent on unchanged, so a field the
 * API adds tomorrow works without a release. Only names written the way the API writes its fields
 * pass (Kling: {@code snake_case}, so a camelCase option name the API would silently ignore is
 * refused); any other unknown name is refused too.
 */
public final class UnknownFields {

    private static final Logger LOG = LoggerFactory.getLogger(UnknownFields.class);
    /** Field names as Kling writes them: {@code multi_shot}. */
    public static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    /** Field names as Legnext writes them: {@code imgUrls}, {@code aspect_ratio}. */
    public static final Pattern CAMEL_OR_SNAKE_CASE = Pattern.compile("[a-z][A-Za-z0-9_]{0,63}");

    private final ObjectMapper mapper;
    private final Pattern apiNames;
    private final ObjectNode fields;
    private final BiFunction<String, String, RuntimeException> invalid;

    /**
     * @param apiNames how the API writes its field names
     * @param invalid  makes the error for a field name and a problem
     */
    public UnknownFields(ObjectMapper mapper, Pattern apiNames, BiFunction<String, String, RuntimeException> invalid) {
        this.mapper = mapper;
        this.apiNames = apiNames;
        this.fields = mapper.createObjectNode();
        this.invalid = invalid;
    }

    /** Keeps {@code value} under {@code name}, or fails when the name is not one the API could mean. */
    public void add(String name, Object value, Iterable<String> knownOptions) {
        if (!apiNames.matcher(name).matches()) {
            throw invalid.apply("body", "has an unknown field '" + (name.length() > 64 ? name.substring(0, 64) + "..." : name)
                    + "': a field the component does not know is sent on unchanged only under the API's own name"
                    + (apiNames == SNAKE_CASE ? " (snake_case, e.g. multi_shot)" : "") + "; known fields: " + knownOptions);
        }
        fields.set(name, mapper.valueToTree(value));
    }

    /** Adds the kept fields to {@code body}: known fields already there win; objects on both sides are merged. */
    public void copyInto(ObjectNode body) {
        if (fields.isEmpty()) {
            return;
        }
        fields.properties().forEach(field -> merge(body, field.getKey(), field.getValue()));
        LOG.debug("Sending fields the component does not know unchanged: {}", fields.properties().stream()
                .map(java.util.Map.Entry::getKey).toList());
    }

    private static void merge(ObjectNode target, String name, com.fasterxml.jackson.databind.JsonNode value) {
        com.fasterxml.jackson.databind.JsonNode existing = target.get(name);
        if (existing == null) {
            target.set(name, value);
        } else if (existing instanceof ObjectNode object && value.isObject()) {
            value.properties().forEach(field -> merge(object, field.getKey(), field.getValue()));
        }
    }
}

package io.camelvideo.task.request;

import java.util.LinkedHashMap;
import java.util.Map;

/** The base of the typed request builders: named fields, unset when given null. */
public abstract class FieldsBuilder<B extends FieldsBuilder<B>> {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    protected final B set(String name, Object value) {
        if (value == null) {
            fields.remove(name);
        } else {
            fields.put(name, value);
        }
        return (B) this;
    }

    /** The fields set, by name. */
    public Map<String, Object> toMap() {
        return Map.copyOf(fields);
    }
}

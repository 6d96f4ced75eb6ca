package io.camelvideo.task.tracking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A {@link TaskCodec} that keeps tasks in the ledger as their API JSON (Jackson). */
public abstract class JsonTaskCodec<S> implements TaskCodec<S> {

    private final ObjectMapper mapper;
    private final Class<S> type;

    protected JsonTaskCodec(ObjectMapper mapper, Class<S> type) {
        this.mapper = mapper;
        this.type = type;
    }

    @Override
    public String toJson(S task) {
        try {
            return mapper.writeValueAsString(task);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A " + type.getSimpleName() + " cannot be written as JSON", e);
        }
    }

    @Override
    public S fromJson(String json) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tracked " + type.getSimpleName() + " cannot be read back: "
                    + e.getOriginalMessage(), e);
        }
    }
}

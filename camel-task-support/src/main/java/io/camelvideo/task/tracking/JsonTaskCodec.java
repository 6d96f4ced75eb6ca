package io.camelvideo.task.tracking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The {@link TaskCodec} of a {@link RemoteTask} model: tasks are kept in the ledger as their API JSON (Jackson). */
public final class JsonTaskCodec<S extends RemoteTask> implements TaskCodec<S> {

    private final ObjectMapper mapper;
    private final Class<S> type;

    public JsonTaskCodec(ObjectMapper mapper, Class<S> type) {
        this.mapper = mapper;
        this.type = type;
    }

    @Override
    public String taskId(S task) {
        return task.taskId();
    }

    @Override
    public String externalId(S task) {
        return task.externalId();
    }

    @Override
    public long createdAt(S task) {
        return task.createdAtMillis();
    }

    @Override
    public String status(S task) {
        return task.status();
    }

    @Override
    public String progress(S task) {
        return task.progress();
    }

    @Override
    public boolean isFinished(S task) {
        return task.isFinished();
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

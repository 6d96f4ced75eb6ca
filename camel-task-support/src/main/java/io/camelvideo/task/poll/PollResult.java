package io.camelvideo.task.poll;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one round of status checks learned: the state of each task that answered, and the error of
 * each task that could not be checked. A task in neither map is simply checked again later.
 */
public final class PollResult<S> {

    private final Map<String, S> states = new ConcurrentHashMap<>();
    private final Map<String, Throwable> failures = new ConcurrentHashMap<>();

    public PollResult<S> state(String taskId, S state) {
        states.put(taskId, state);
        return this;
    }

    public PollResult<S> failure(String taskId, Throwable error) {
        failures.put(taskId, error);
        return this;
    }

    public S state(String taskId) {
        return states.get(taskId);
    }

    public Throwable failure(String taskId) {
        return failures.get(taskId);
    }
}

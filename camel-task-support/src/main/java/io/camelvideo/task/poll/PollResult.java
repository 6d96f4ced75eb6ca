package io.camelvideo.task.poll;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

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

    /** Queries each task on its own, in parallel; a failed query is that task's failure only. */
    public static <S> CompletableFuture<PollResult<S>> each(List<String> taskIds, Function<String, CompletableFuture<S>> query) {
        PollResult<S> result = new PollResult<>();
        return result.addEach(taskIds, query);
    }

    /** Adds one query per task to this result, in parallel; completes with this result. */
    public CompletableFuture<PollResult<S>> addEach(List<String> taskIds, Function<String, CompletableFuture<S>> query) {
        CompletableFuture<?>[] calls = taskIds.stream()
                .map(id -> query.apply(id).handle((state, error) -> error == null ? state(id, state) : failure(id, error)))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(calls).thenApply(done -> this);
    }

    public S state(String taskId) {
        return states.get(taskId);
    }

    public Throwable failure(String taskId) {
        return failures.get(taskId);
    }
}

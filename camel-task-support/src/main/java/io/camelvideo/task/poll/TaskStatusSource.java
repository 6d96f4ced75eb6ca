package io.camelvideo.task.poll;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where a {@link TaskPoller} reads task states: one call for all due tasks of a group (a Kling kind,
 * Legnext jobs), so the component chooses between one request per task and a batched one.
 *
 * @param <S> the component's task state type
 */
@FunctionalInterface
public interface TaskStatusSource<S> {

    /**
     * Fetches the current state of {@code taskIds}. A failed future, or a per-task failure in the
     * result, fails the task (non-retryable error) or postpones it (retryable error); tasks missing from
     * the result are checked again later.
     */
    CompletableFuture<PollResult<S>> fetch(String group, List<String> taskIds);
}

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

    /**
     * Reads the states of all watched tasks of a group at once (a sweep, see {@link #sweepThreshold()}).
     * It may leave out tasks it cannot read cheaply (a list page that did not show them): the next
     * sweep looks again, and a task left out of two sweeps in a row is asked about with
     * {@link #fetch}. The default reads like {@link #fetch}.
     */
    default CompletableFuture<PollResult<S>> sweep(String group, List<String> taskIds) {
        return fetch(group, taskIds);
    }

    /**
     * From how many watched tasks of one group on the poller stops scheduling them one by one and
     * checks them all together once per poll interval (a sweep): worth it when this source reads many
     * tasks for the price of a few requests (a list endpoint). {@link Integer#MAX_VALUE}, the default,
     * never sweeps.
     */
    default int sweepThreshold() {
        return Integer.MAX_VALUE;
    }
}

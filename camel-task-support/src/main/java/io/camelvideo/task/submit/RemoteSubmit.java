package io.camelvideo.task.submit;

import io.camelvideo.task.tracking.RemoteTask;

import java.util.concurrent.CompletableFuture;

/**
 * One paid submit as a component's API makes it, for the {@link SubmitProtocol}: the request, how to
 * find its task again, and how to read its failures.
 *
 * @param <T> the component's task type
 */
public interface RemoteSubmit<T extends RemoteTask> {

    /** How a failed create left the account. */
    enum Outcome {
        /** Surely nothing was created (refused before processing, nothing sent): the key is free again. */
        NOT_CREATED,
        /** The API says a task with this key exists already: adopt it. */
        ALREADY_EXISTS,
        /** Refused, not created, because the account has as many unfinished tasks as it may (Kling 1303). */
        PARALLEL_LIMIT,
        /** A task may or may not exist (5xx, timeout, dropped connection, unreadable answer). */
        UNKNOWN
    }

    /** Sends the create once (retrying inside only what surely was not processed, such as throttling). */
    CompletableFuture<T> create();

    /** Reads a task the ledger knows by id (an earlier attempt created it). */
    CompletableFuture<T> fetch(String taskId);

    /** Whether the API can find a task by the submit key (Kling's {@code external_task_id}). */
    boolean canLookUp();

    /** The task created under the submit key, or null when the API says there is none. Only when {@link #canLookUp()}. */
    CompletableFuture<T> lookUp();

    /** Completes with the created task's final state when it has ended (or fails when it can no longer be watched). */
    CompletableFuture<T> finished(T task);

    /** What a failed create means. */
    Outcome outcome(Throwable error);

    /**
     * The error for a submit whose outcome cannot be learnt: the task may exist and be billed.
     *
     * @param cause the failure of the last attempt, or null when an earlier attempt (an earlier
     *              exchange, or a process that died) left the outcome unknown
     */
    RuntimeException unknownOutcome(Throwable cause);
}

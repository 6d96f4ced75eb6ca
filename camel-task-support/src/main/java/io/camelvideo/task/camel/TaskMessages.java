package io.camelvideo.task.camel;

import io.camelvideo.task.tracking.TaskCodec;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.util.concurrent.CompletableFuture;

/**
 * How a component's task becomes a Camel message, for the producer's reply and the consumer's
 * delivery alike: its headers and body, the exception of a failed task, and its files.
 *
 * @param <S> the component's task state
 */
public interface TaskMessages<S> {

    /** How the task is read (id, status, whether it ended). */
    TaskCodec<S> codec();

    /** Sets the task's headers on {@code message} and makes the task its body. */
    void apply(Message message, S task);

    /** Whether the task ended with results (files) to download. */
    boolean hasResults(S task);

    /** The exception a waiting producer fails with when the task failed; null when it did not fail. */
    RuntimeException failure(S task);

    /** Replaces the body with the task's file(s) (the endpoint's format or output choice); completes when on disk. */
    CompletableFuture<Void> download(Exchange exchange, S task);

    /** The task as messages name it, e.g. {@code Kling task 8230...}. */
    String describe(S task);
}

package io.camelvideo.task.http;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * At most {@code size} requests of one account in flight; the others wait in order, no thread
 * blocked. Keeps the connections to an API, and the JDK client's threads that serve them, few
 * when a route sends thousands of requests at once.
 */
final class RequestWindow {

    private final int size;
    private final java.util.concurrent.Executor starter;
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private int inFlight;

    /** @param starter where a waiting request starts when a place frees (never inside the completion that freed it) */
    RequestWindow(int size, java.util.concurrent.Executor starter) {
        this.size = size;
        this.starter = starter;
    }

    /** Runs {@code request} now when a place is free, or once one is; its place frees when it completes. */
    <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> request) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable start = () -> {
            CompletableFuture<T> sent;
            try {
                sent = request.get();
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e);
            }
            sent.whenComplete((value, error) -> {
                release();
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(value);
                }
            });
        };
        boolean now;
        synchronized (this) {
            now = inFlight < size;
            if (now) {
                inFlight++;
            } else {
                waiting.add(start);
            }
        }
        if (now) {
            start.run();
        }
        return result;
    }

    private void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                inFlight--;
            }
        }
        if (next != null) {
            try {
                starter.execute(next);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                next.run();
            }
        }
    }

    /** Requests in flight now (for tests and diagnostics). */
    synchronized int inFlight() {
        return inFlight;
    }
}

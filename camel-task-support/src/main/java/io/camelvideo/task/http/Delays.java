package io.camelvideo.task.http;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs the next step of a retry later without a thread sleeping: the wait is a timer on the
 * component's scheduler (a thread pool Camel manages and shuts down with the component), the step
 * itself runs on the component's worker pool.
 *
 * @param scheduler where waits are timed
 * @param workers   where the steps run (they may block briefly, e.g. a ledger write)
 */
public record Delays(ScheduledExecutorService scheduler, Executor workers) {

    /** The future of {@code next}, started after {@code delay}. */
    public <T> CompletableFuture<T> after(Duration delay, Supplier<CompletableFuture<T>> next) {
        CompletableFuture<Void> timer = new CompletableFuture<>();
        try {
            scheduler.schedule(() -> {
                try {
                    workers.execute(() -> timer.complete(null));
                } catch (RejectedExecutionException e) {
                    timer.completeExceptionally(e);
                }
            }, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            timer.completeExceptionally(new IllegalStateException("the component is stopping", e));
        }
        return timer.thenCompose(ignored -> next.get());
    }
}

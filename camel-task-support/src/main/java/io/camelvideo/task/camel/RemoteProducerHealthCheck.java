package io.camelvideo.task.camel;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Producer readiness: a cheap call proves the API answers and accepts the credentials. DOWN carries
 * the API's error (codes and messages only, never a key).
 */
public class RemoteProducerHealthCheck extends AbstractHealthCheck {

    private final Supplier<CompletableFuture<?>> probe;
    private final long timeoutMillis;

    /** @param id e.g. {@code kling-endpoint3}; the check's id is {@code producer:<id>} */
    public RemoteProducerHealthCheck(String id, Supplier<CompletableFuture<?>> probe, long timeoutMillis) {
        super("camel", "producer:" + id);
        this.probe = probe;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try {
            probe.get().get(timeoutMillis, TimeUnit.MILLISECONDS);
            builder.up();
        } catch (Exception e) {
            Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
            builder.message("API not usable: " + (cause.getMessage() != null ? cause.getMessage()
                    : cause.getClass().getSimpleName() + " (no detail)"));
            builder.down();
        }
    }
}

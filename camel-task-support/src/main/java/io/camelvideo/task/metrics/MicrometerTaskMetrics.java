package io.camelvideo.task.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The component's meters in the application's Micrometer registry, named {@code camel.<scheme>.*}:
 * {@code tasks.submitted} and {@code tasks.ended} (tags {@code scope}, {@code status}), the timer
 * {@code tasks.duration} (creation to end), {@code tasks.cost} (units or points reported),
 * {@code status.requests}, {@code status.tasks}, {@code throttled}, and the gauge {@code tasks.waiting}.
 */
public final class MicrometerTaskMetrics implements TaskMetrics {

    private final MeterRegistry registry;
    private final String prefix;

    /** @param waiting how many tasks the component's pollers wait for now */
    public MicrometerTaskMetrics(MeterRegistry registry, String scheme, Supplier<Number> waiting) {
        this.registry = registry;
        this.prefix = "camel." + scheme + ".";
        Gauge.builder(prefix + "tasks.waiting", waiting).description("Tasks the component's pollers wait for").register(registry);
    }

    @Override
    public void submitted(String scope) {
        Counter.builder(prefix + "tasks.submitted").tag("scope", scope).description("Paid creates that made a task")
                .register(registry).increment();
    }

    @Override
    public void ended(String scope, String status, long millis, double cost) {
        Counter.builder(prefix + "tasks.ended").tag("scope", scope).tag("status", String.valueOf(status))
                .description("Created tasks seen ended").register(registry).increment();
        Timer.builder(prefix + "tasks.duration").tag("scope", scope).description("From creation to the end of a task")
                .register(registry).record(Duration.ofMillis(Math.max(0, millis)));
        if (cost > 0) {
            Counter.builder(prefix + "tasks.cost").tag("scope", scope).description("What ended tasks cost, as the API reports it")
                    .register(registry).increment(cost);
        }
    }

    @Override
    public void statusChecked(int tasks) {
        Counter.builder(prefix + "status.requests").description("Status requests").register(registry).increment();
        Counter.builder(prefix + "status.tasks").description("Tasks asked about by status requests").register(registry)
                .increment(tasks);
    }

    @Override
    public void throttled() {
        Counter.builder(prefix + "throttled").description("Throttling answers that paused status checks").register(registry)
                .increment();
    }
}

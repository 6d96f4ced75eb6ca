package io.camelvideo.task.camel;

import io.camelvideo.task.metrics.MicrometerTaskMetrics;
import io.camelvideo.task.metrics.TaskMetrics;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.function.Supplier;

/** The one place that names Micrometer types: loaded only once Micrometer was found on the classpath. */
final class MicrometerSupport {

    private MicrometerSupport() {
    }

    static TaskMetrics metrics(Object registry, String scheme, Supplier<Number> waiting) {
        return new MicrometerTaskMetrics((MeterRegistry) registry, scheme, waiting);
    }
}

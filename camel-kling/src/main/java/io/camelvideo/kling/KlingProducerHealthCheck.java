package io.camelvideo.kling;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Producer readiness: the API answers and accepts the credentials (one list call of one task).
 * Registered when the component's {@code healthCheckProducerEnabled} is on and camel-health is present.
 */
public class KlingProducerHealthCheck extends AbstractHealthCheck {

    private final KlingEndpoint endpoint;

    public KlingProducerHealthCheck(KlingEndpoint endpoint, String id) {
        super("camel", "producer:kling-" + id);
        this.endpoint = endpoint;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try {
            endpoint.getAccount().client().list(endpoint.getKind(), 1, 1)
                    .get(endpoint.getConfiguration().getRequestTimeout(), TimeUnit.MILLISECONDS);
            builder.up();
        } catch (Exception e) {
            builder.detail("kind", endpoint.getKind().name());
            builder.message("Kling API not usable: " + e.getMessage());
            builder.down();
        }
    }
}

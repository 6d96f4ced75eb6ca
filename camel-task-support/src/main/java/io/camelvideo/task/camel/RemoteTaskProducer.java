package io.camelvideo.task.camel;

import io.camelvideo.task.http.ApiHttpClient;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.support.HealthCheckComponent;

import java.util.concurrent.CompletableFuture;

/**
 * An asynchronous producer whose work is a {@link CompletableFuture}: an exception thrown while
 * starting (bad input) completes the exchange at once, on the caller's thread; otherwise the routing
 * thread is released and the exchange continues when the future completes.
 */
public abstract class RemoteTaskProducer extends DefaultAsyncProducer {

    private WritableHealthCheckRepository healthChecks;
    private RemoteProducerHealthCheck healthCheck;

    protected RemoteTaskProducer(Endpoint endpoint) {
        super(endpoint);
    }

    /** Starts the exchange's operation; may throw for input refused before any call. */
    protected abstract CompletableFuture<?> start(Exchange exchange);

    /** A cheap call that proves the API answers and accepts the credentials (the readiness probe). */
    protected abstract CompletableFuture<?> healthProbe();

    /** The endpoint's options (the probe may take their request timeout). */
    protected abstract RemoteTaskConfiguration configuration();

    /** Registers the producer's readiness check when camel-health's producer repository is present. */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        healthChecks = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthChecks != null) {
            String id = getEndpoint().getEndpointKey().replaceAll("[^A-Za-z0-9]+", "-");
            healthCheck = new RemoteProducerHealthCheck(getEndpoint().getEndpointBaseUri().split(":")[0] + "-"
                    + Integer.toHexString(id.hashCode()), this::healthProbe, configuration().getRequestTimeout());
            healthCheck.setEnabled(getEndpoint().getComponent() instanceof HealthCheckComponent component
                    && component.isHealthCheckProducerEnabled());
            healthChecks.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthChecks != null && healthCheck != null) {
            healthChecks.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        super.doStop();
    }

    @Override
    public final boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<?> work;
        try {
            work = start(exchange);
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        work.whenComplete((ignored, error) -> {
            if (error != null) {
                exchange.setException(ApiHttpClient.unwrap(error));
            }
            callback.done(false);
        });
        return false;
    }
}

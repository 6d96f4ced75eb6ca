package io.camelvideo.task.camel;

import io.camelvideo.task.http.ApiHttpClient;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;

import java.util.concurrent.CompletableFuture;

/**
 * An asynchronous producer whose work is a {@link CompletableFuture}: an exception thrown while
 * starting (bad input) completes the exchange at once, on the caller's thread; otherwise the routing
 * thread is released and the exchange continues when the future completes.
 */
public abstract class RemoteTaskProducer extends DefaultAsyncProducer {

    protected RemoteTaskProducer(Endpoint endpoint) {
        super(endpoint);
    }

    /** Starts the exchange's operation; may throw for input refused before any call. */
    protected abstract CompletableFuture<?> start(Exchange exchange);

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

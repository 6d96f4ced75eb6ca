package io.camelvideo.benchmarks;

import org.apache.camel.AsyncProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.service.ServiceHelper;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Sends exchanges the way a route's async routing engine does: {@code process(exchange, callback)}
 * on the producer, the calling thread released at once. (A {@code ProducerTemplate} would park one
 * of its own threads per in-flight exchange, which is not what a route does.)
 */
final class AsyncSender implements AutoCloseable {

    private final Endpoint endpoint;
    private final Producer producer;
    private final AsyncProcessor processor;

    AsyncSender(CamelContext context, String uri) throws Exception {
        endpoint = context.getEndpoint(uri);
        producer = endpoint.createAsyncProducer();
        ServiceHelper.startService(producer);
        processor = AsyncProcessorConverterHelper.convert(producer);
    }

    CompletableFuture<Exchange> send(Consumer<Exchange> prepare) {
        Exchange exchange = endpoint.createExchange();
        prepare.accept(exchange);
        CompletableFuture<Exchange> done = new CompletableFuture<>();
        processor.process(exchange, doneSync -> done.complete(exchange));
        return done;
    }

    @Override
    public void close() {
        ServiceHelper.stopService(producer);
    }
}

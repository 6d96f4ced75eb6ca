package io.camelvideo.task.camel;

import io.camelvideo.task.tracking.TaskCodec;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.support.service.ServiceHelper;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The producer's {@code statusUpdateUri}: while an exchange waits for its task, a copy of it with the
 * task's latest headers and body goes to that endpoint each time the task's status or progress changes.
 * Updates are best effort: one that fails is logged and the wait goes on.
 */
final class StatusUpdateSender {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StatusUpdateSender.class);

    private final String uri;
    private final AsyncProducer producer;

    private StatusUpdateSender(String uri, AsyncProducer producer) {
        this.uri = uri;
        this.producer = producer;
    }

    /** A started sender to {@code uri}. */
    static StatusUpdateSender start(CamelContext context, String uri) throws Exception {
        AsyncProducer producer = context.getEndpoint(uri).createAsyncProducer();
        ServiceHelper.startService(producer);
        return new StatusUpdateSender(uri, producer);
    }

    /**
     * What the poller tells of each status check of the task {@code exchange} waits for: a copy is sent
     * when the status or progress differs from the last one sent (at first, from {@code submitted}).
     */
    <S> Consumer<S> listener(Exchange exchange, S submitted, TaskMessages<S> messages) {
        TaskCodec<S> codec = messages.codec();
        AtomicReference<String> last = new AtomicReference<>(codec.statusAndProgress(submitted));
        return state -> {
            String now = codec.statusAndProgress(state);
            if (!now.equals(last.getAndSet(now))) {
                send(exchange, state, messages);
            }
        };
    }

    private <S> void send(Exchange waiting, S state, TaskMessages<S> messages) {
        Exchange update = waiting.copy();
        update.setPattern(ExchangePattern.InOnly);
        messages.apply(update.getMessage(), state);
        producer.process(update, doneSync -> {
            if (update.isFailed()) {
                LOG.warn("A status update of {} could not be sent to {}: {}", messages.describe(state), uri,
                        update.getException() != null ? update.getException().getMessage() : "failed");
            }
        });
    }

    void stop() {
        ServiceHelper.stopAndShutdownService(producer);
    }
}

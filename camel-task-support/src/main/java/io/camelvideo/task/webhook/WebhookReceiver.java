package io.camelvideo.task.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelvideo.task.ledger.TaskLedger;
import io.camelvideo.task.poll.TaskPoller;
import io.camelvideo.task.tracking.TaskCodec;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Receives a task callback on any HTTP consumer route ({@code platform-http}, jetty, servlet ...)
 * whose path ends with the token of {@link WebhookTokens}, taken from the header {@code token}.
 *
 * <ol>
 *   <li>A token this application did not issue: 404, nothing else happens (forged or stale callbacks).</li>
 *   <li>The callback's own content is never trusted: the task it names is queried with a GET.</li>
 *   <li>A task that really ended is marked finished in the ledger (a conditional change, so
 *       duplicates and late, out-of-order callbacks change nothing), and a producer waiting for it is
 *       woken at once. Polling stays the fallback for callbacks that never come.</li>
 * </ol>
 * The answer is 200 {@code {"received":true}} for any valid token, fast and idempotent.
 */
public abstract class WebhookReceiver<S> implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final WebhookTokens tokens;
    private final TaskCodec<S> codec;
    private final long confirmTimeoutMillis;

    protected WebhookReceiver(WebhookTokens tokens, TaskCodec<S> codec, long confirmTimeoutMillis) {
        this.tokens = tokens;
        this.codec = codec;
        this.confirmTimeoutMillis = confirmTimeoutMillis;
    }

    /** The task id a callback body names, or null. */
    protected abstract String taskId(JsonNode callback);

    /** Queries the task (the confirmation GET). */
    protected abstract CompletableFuture<S> query(String group, String taskId);

    /** The ledger scope of a group's tasks. */
    protected abstract String scope(String group);

    /** The poller group a producer waits in for this group's tasks. */
    protected abstract String pollerGroup(String group);

    protected abstract TaskLedger ledger();

    protected abstract TaskPoller<S> poller();

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        Optional<String> group = tokens.verify(message.getHeader("token", String.class));
        if (group.isEmpty()) {
            answer(message, 404, "{\"received\":false}");
            return;
        }
        String taskId;
        try {
            taskId = taskId(MAPPER.readTree(message.getBody(String.class)));
        } catch (Exception e) {
            taskId = null;
        }
        if (taskId == null || taskId.isBlank()) {
            answer(message, 400, "{\"received\":false}");
            return;
        }
        try {
            S state = query(group.get(), taskId).get(confirmTimeoutMillis, TimeUnit.MILLISECONDS);
            if (codec.isFinished(state)) {
                ledger().finish(scope(group.get()), taskId, codec.status(state), codec.toJson(state));
                poller().nudge(pollerGroup(group.get()), taskId);
            }
        } catch (Exception e) {
            // the poller remains the fallback: the callback is acknowledged, the task is checked later
            LOG.debug("Callback for task {} could not be confirmed now: {}", taskId, e.getMessage());
        }
        answer(message, 200, "{\"received\":true}");
    }

    private static void answer(Message message, int status, String body) {
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(body);
    }
}

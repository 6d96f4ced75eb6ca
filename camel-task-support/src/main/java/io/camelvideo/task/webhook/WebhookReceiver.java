package io.camelvideo.task.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelvideo.task.camel.RemoteAccount;
import io.camelvideo.task.camel.RemoteTaskComponent;
import io.camelvideo.task.ledger.SubmitRecord;
import io.camelvideo.task.ledger.TaskLedger;
import io.camelvideo.task.ledger.TrackedTask;
import io.camelvideo.task.tracking.TaskCodec;
import io.camelvideo.task.tracking.TaskScope;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Receives a task callback on any HTTP consumer route ({@code platform-http}, jetty, servlet ...)
 * whose path ends with the token of {@link WebhookTokens}, taken from the header {@code token}.
 *
 * <ol>
 *   <li>A token this application did not issue: 404, nothing else happens (forged or stale callbacks).</li>
 *   <li>A token is good for one task: the one its submit created (the ledger's submit record). A
 *       callback naming another task is refused with 404 and costs nothing.</li>
 *   <li>A callback that claims the task is still running (any status but an end) is answered without an
 *       API call: believing it changes nothing, and not believing it would cost a GET per status change
 *       for nothing. Status updates of running tasks come from polling.</li>
 *   <li>A task already known to have ended (in the ledger, or by an earlier confirmation), or a
 *       repeat of a callback (the same task and claimed status) confirmed within the last {@value #REPEAT_WINDOW_MILLIS} ms, is
 *       answered without an API call.</li>
 *   <li>Otherwise the callback's own content is not trusted: the task is queried with one GET, which
 *       runs after the answer (no routing thread waits for it). A task
 *       that really ended is marked finished in the ledger (a conditional change, so duplicates and
 *       late, out-of-order callbacks change nothing), and a producer waiting for it continues with
 *       that answer. Polling stays the fallback for callbacks that never come.</li>
 * </ol>
 * The answer is 200 {@code {"received":true}} for any valid token and task, at once and idempotent.
 */
public abstract class WebhookReceiver<C, S> implements Processor {

    /** How long a confirmed callback makes repeats of it free. */
    static final long REPEAT_WINDOW_MILLIS = 10_000;
    private static final int REMEMBERED_CONFIRMATIONS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final RemoteTaskComponent component;
    private final WebhookTokens tokens;
    private final TaskCodec<S> codec;
    /** Marks, in {@link #confirmed}, a task known to have ended (in place of a claimed status). */
    private static final String ENDED = "\u0000ended";

    /**
     * {@code <taskId> \n <claimed status>} → when such a callback was last confirmed with a GET, and
     * {@code <taskId> \n ENDED} for tasks the GET found ended (the most recent entries only).
     */
    private final Map<String, Long> confirmed = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED_CONFIRMATIONS;
        }
    };

    protected WebhookReceiver(RemoteTaskComponent component, TaskCodec<S> codec) {
        this.component = component;
        this.tokens = component.webhookTokens();
        this.codec = codec;
    }

    /** The task id a callback body names, or null. */
    protected abstract String taskId(JsonNode callback);

    /** The status a callback body claims, or null (tells a repeated callback from the next one). */
    protected abstract String status(JsonNode callback);

    /**
     * Whether a status a callback claims is an end (succeeded or failed): only those, and callbacks
     * without a status, are confirmed; any other status means the task still runs (as the APIs say of
     * statuses they may add).
     */
    protected abstract boolean isEndStatus(String status);

    /** The component's own account (component-level settings): for tokens naming an account it does not have. */
    protected abstract RemoteAccount<C, S> defaultAccount();

    /** Queries the task on its account (the confirmation GET). */
    protected abstract CompletableFuture<S> query(RemoteAccount<C, S> account, String group, String taskId);

    /** The scope of the tasks of a token's group (a Kling kind, a Legnext operation). */
    protected abstract TaskScope scope(String group);

    /** The text of a callback field, or null when it is missing or null. */
    protected static String text(JsonNode field) {
        return field == null || field.isNull() ? null : field.asText();
    }

    /** The account a token names (the one the task was created on), or the component's own when it has no such account. */
    private RemoteAccount<C, S> account(String accountTag) {
        RemoteAccount<C, S> account = component.accountTagged(accountTag);
        return account != null ? account : defaultAccount();
    }

    private TaskLedger ledger() {
        return component.ledger();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        Optional<WebhookTokens.Issued> issued = tokens.verify(message.getHeader("token", String.class));
        if (issued.isEmpty()) {
            answer(message, 404, "{\"received\":false}");
            return;
        }
        String group = issued.get().group();
        String taskId;
        String claimed;
        try {
            JsonNode callback = MAPPER.readTree(message.getBody(String.class));
            taskId = taskId(callback);
            claimed = String.valueOf(status(callback));
        } catch (Exception e) {
            taskId = null;
            claimed = null;
        }
        if (taskId == null || taskId.isBlank()) {
            answer(message, 400, "{\"received\":false}");
            return;
        }
        SubmitRecord submit = ledger().submitRecord(scope(group).ledgerScope(), issued.get().submitKey());
        if (submit == null || submit.taskId() != null && !submit.taskId().equals(taskId)) {
            LOG.debug("Callback for task {} refused: its token was issued for {}", taskId,
                    submit == null ? "a submit this ledger does not know" : "task " + submit.taskId());
            answer(message, 404, "{\"received\":false}");
            return;
        }
        RemoteAccount<C, S> account = account(issued.get().account());
        if (claimsRunning(claimed)) {
            LOG.trace("Callback for task {} says {}: nothing to confirm", taskId, claimed);
        } else if (!answeredWithoutCall(account, group, taskId, claimed)) {
            confirm(account, group, taskId, claimed);
        }
        answer(message, 200, "{\"received\":true}");
    }

    /** A callback that names a status, not an end one: not worth a GET. */
    private boolean claimsRunning(String claimed) {
        return claimed != null && !claimed.equals("null") && !claimed.isBlank() && !isEndStatus(claimed);
    }

    /** True when the task is known to have ended, or a callback claiming the same status was confirmed moments ago. */
    private boolean answeredWithoutCall(RemoteAccount<C, S> account, String group, String taskId, String claimed) {
        TrackedTask tracked = ledger().find(scope(group).ledgerScope(), taskId);
        if (tracked != null && tracked.state() != TrackedTask.State.PENDING) {
            if (tracked.result() != null) {
                account.poller().offer(scope(group).pollerGroup(), taskId, codec.fromJson(tracked.result()));
            }
            return true;
        }
        long now = System.currentTimeMillis();
        synchronized (confirmed) {
            Long last = confirmed.get(taskId + '\n' + claimed);
            if (confirmed.containsKey(taskId + '\n' + ENDED) || last != null && now - last < REPEAT_WINDOW_MILLIS) {
                return true;
            }
            confirmed.put(taskId + '\n' + claimed, now);
            return false;
        }
    }

    /** Starts the confirming GET; its answer is recorded when it comes (the routing thread does not wait for it). */
    private void confirm(RemoteAccount<C, S> account, String group, String taskId, String claimed) {
        CompletableFuture<S> query;
        try {
            query = query(account, group, taskId);
        } catch (RuntimeException e) {
            query = CompletableFuture.failedFuture(e);
        }
        query.whenComplete((state, error) -> {
            try {
                if (error == null && codec.isFinished(state)) {
                    synchronized (confirmed) {
                        confirmed.put(taskId + '\n' + ENDED, System.currentTimeMillis());
                    }
                    ledger().finish(scope(group).ledgerScope(), taskId, codec.status(state), codec.toJson(state));
                    account.poller().offer(scope(group).pollerGroup(), taskId, state);
                } else if (error != null) {
                    forget(taskId, claimed, error);
                }
            } catch (RuntimeException e) {
                forget(taskId, claimed, e);
            }
        });
    }

    /** A confirmation that failed: the poller remains the fallback, and the next such callback is confirmed again. */
    private void forget(String taskId, String claimed, Throwable error) {
        synchronized (confirmed) {
            confirmed.remove(taskId + '\n' + claimed);
        }
        LOG.debug("Callback for task {} could not be confirmed now: {}", taskId, error.getMessage());
    }

    private static void answer(Message message, int status, String body) {
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(body);
    }
}

package io.camelvideo.kling.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelvideo.kling.KlingKind;
import io.camelvideo.kling.model.KlingTask;
import io.camelvideo.task.http.ApiHttpClient;
import io.camelvideo.task.http.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The Kling HTTP API for one account: create, query and list tasks.
 *
 * <ul>
 *   <li>Queries are safe and retried ({@link RetryPolicy}) on throttling, 5xx and network errors.</li>
 *   <li>A token refused as expired or not yet valid (1003 / 1004) is renewed and the call repeated once.</li>
 *   <li>A create is never repeated blindly. It always carries an {@code external_task_id}; when its
 *       outcome is unknown (connection lost, timeout, 5xx, unreadable answer) the task is looked up
 *       by that id first, and submitted again only when the API says it does not exist. Throttling
 *       refusals (1302 / 1303) mean "not created" and are retried after the backoff.</li>
 * </ul>
 */
public final class KlingClient {

    private static final Logger LOG = LoggerFactory.getLogger(KlingClient.class);

    private final ApiHttpClient http;
    private final String apiBase;
    private final KlingCredentials credentials;
    private final KlingResponseReader reader;
    private final ObjectMapper mapper;
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;

    /**
     * @param apiBase base URL plus path prefix, e.g. {@code https://api-singapore.klingai.com/v1}
     */
    public KlingClient(ApiHttpClient http, String apiBase, KlingCredentials credentials, KlingResponseReader reader,
                       ObjectMapper mapper, Duration requestTimeout, RetryPolicy retryPolicy) {
        this.http = http;
        this.apiBase = apiBase.endsWith("/") ? apiBase.substring(0, apiBase.length() - 1) : apiBase;
        this.credentials = credentials;
        this.reader = reader;
        this.mapper = mapper;
        this.requestTimeout = requestTimeout;
        this.retryPolicy = retryPolicy;
    }

    /** Submits a task; {@code body} must hold an {@code external_task_id}. */
    public CompletableFuture<KlingTask> create(KlingKind kind, ObjectNode body) {
        String externalTaskId = body.path("external_task_id").asText(null);
        if (externalTaskId == null) {
            throw new IllegalArgumentException("a create must carry an external_task_id");
        }
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return CompletableFuture.failedFuture(e);
        }
        return submit(kind, externalTaskId, json, 1);
    }

    private CompletableFuture<KlingTask> submit(KlingKind kind, String externalTaskId, byte[] json, int attempt) {
        return authorized(() -> post(kind, json), reader::task)
                .handle((task, error) -> {
                    if (error == null) {
                        return CompletableFuture.completedFuture(task);
                    }
                    Throwable cause = ApiHttpClient.unwrap(error);
                    if (attempt >= retryPolicy.maxAttempts()) {
                        return CompletableFuture.<KlingTask>failedFuture(ambiguous(cause)
                                ? unknownOutcome(kind, externalTaskId, cause) : cause);
                    }
                    if (cause instanceof KlingApiException api && api.isThrottling()) {
                        return later(retryPolicy.delayAfter(attempt, api.getRetryAfter()),
                                () -> submit(kind, externalTaskId, json, attempt + 1));
                    }
                    if (!ambiguous(cause)) {
                        return CompletableFuture.<KlingTask>failedFuture(cause);
                    }
                    LOG.info("Create of {} task {} had an unknown outcome ({}); looking it up before any resubmit",
                            kind, externalTaskId, cause.getMessage());
                    return recover(kind, externalTaskId, json, attempt, cause);
                })
                .thenCompose(Function.identity());
    }

    /** After an ambiguous create: the task if it exists, else a new submit. */
    private CompletableFuture<KlingTask> recover(KlingKind kind, String externalTaskId, byte[] json, int attempt,
                                                 Throwable original) {
        return get(kind, externalTaskId).handle((existing, error) -> {
            if (error == null) {
                LOG.info("Task {} ({}) exists after all: not submitting it again", existing.taskId(), externalTaskId);
                return CompletableFuture.completedFuture(existing);
            }
            Throwable cause = ApiHttpClient.unwrap(error);
            if (cause instanceof KlingApiException api && api.isNotFound()) {
                return later(retryPolicy.delayAfter(attempt, null), () -> submit(kind, externalTaskId, json, attempt + 1));
            }
            return CompletableFuture.<KlingTask>failedFuture(unknownOutcome(kind, externalTaskId, original));
        }).thenCompose(Function.identity());
    }

    /** Queries one task by task id or external task id. */
    public CompletableFuture<KlingTask> get(KlingKind kind, String id) {
        return authorized(() -> http.sendSafely(() -> request(kind.path() + "/" + encode(id)).GET().build(),
                Function.identity(), retryPolicy), reader::task);
    }

    /** Lists the account's tasks of a kind, newest first. */
    public CompletableFuture<List<KlingTask>> list(KlingKind kind, int pageNum, int pageSize) {
        String query = "?pageNum=" + pageNum + "&pageSize=" + pageSize;
        return authorized(() -> http.sendSafely(() -> request(kind.path() + query).GET().build(),
                Function.identity(), retryPolicy), reader::tasks);
    }

    private CompletableFuture<HttpResponse<byte[]>> post(KlingKind kind, byte[] json) {
        return http.send(request(kind.path()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build());
    }

    /**
     * Runs a call and reads its answer; when the JWT is refused for its timing (1003 / 1004), renews
     * it and runs the call once more.
     */
    private <T> CompletableFuture<T> authorized(java.util.function.Supplier<CompletableFuture<HttpResponse<byte[]>>> call,
                                                Function<HttpResponse<byte[]>, T> read) {
        return call.get().thenApply(read).handle((value, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(value);
            }
            Throwable cause = ApiHttpClient.unwrap(error);
            if (cause instanceof KlingApiException api && api.isTokenTimingError() && credentials.renew()) {
                LOG.debug("Kling refused the token ({}); renewing it once", api.getCode());
                return call.get().thenApply(read);
            }
            return CompletableFuture.<T>failedFuture(cause);
        }).thenCompose(Function.identity());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(apiBase + path))
                .timeout(requestTimeout)
                .header("Authorization", credentials.authorization())
                .header("Accept", "application/json");
    }

    private <T> CompletableFuture<T> later(Duration delay, java.util.function.Supplier<CompletableFuture<T>> next) {
        return CompletableFuture.runAsync(() -> { },
                CompletableFuture.delayedExecutor(delay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS))
                .thenCompose(ignored -> next.get());
    }

    /** Whether a failed create may have created the task all the same. */
    private static boolean ambiguous(Throwable cause) {
        if (cause instanceof KlingApiException api) {
            return api.getHttpStatus() >= 500 || (api.getHttpStatus() / 100 == 2);
        }
        return cause instanceof java.io.IOException;
    }

    private static KlingApiException unknownOutcome(KlingKind kind, String externalTaskId, Throwable cause) {
        return new KlingApiException("The outcome of the " + kind + " create is unknown (" + cause.getMessage()
                + "): the task may exist and be billed. Look it up with external_task_id '" + externalTaskId
                + "' before submitting it again.", cause instanceof KlingApiException api ? api.getHttpStatus() : 0,
                null, null, false, null, cause);
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

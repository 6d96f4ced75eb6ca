package io.camelvideo.kling.api;

import com.fasterxml.jackson.databind.JsonNode;
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
 *   <li>A create is never repeated blindly: only a throttling refusal or a connection that could not
 *       be opened is tried again here. It always carries an {@code external_task_id}, by which the
 *       submit protocol finds the task after any other failure.</li>
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

    /**
     * Sends a create once. Repeated inside only when the task surely was not created: a rate-limit
     * refusal (1302 / HTTP 429, after its backoff) or a connection that could not be opened. A 1303
     * (parallel-task limit) is returned to the caller, whose submit gate waits for a place.
     * Any other failure is for the {@link io.camelvideo.task.submit.SubmitProtocol} to resolve by
     * the {@code external_task_id} the body must carry.
     *
     * @param json the create body as JSON, with its {@code external_task_id}
     */
    public CompletableFuture<KlingTask> create(KlingKind kind, byte[] json) {
        // 1303 (parallel-task limit) is the submit gate's to handle (it waits for a task to end); other throttling is retried here
        return http.sendUnlessAccepted(() -> authorized(() -> post(kind, json).thenApply(reader::task)),
                cause -> cause instanceof KlingApiException api && api.isThrottling() && !api.isParallelLimit(), retryPolicy);
    }

    /**
     * Calls a synchronous endpoint (TTS, identify-face) once and answers its {@code data}. Repeated only
     * when surely not accepted (like a create); there is no lookup, so nothing else is repeated.
     */
    public CompletableFuture<JsonNode> answerNow(KlingKind kind, ObjectNode body) {
        return answerNow(kind.path(), body);
    }

    /** Calls the synchronous endpoint at {@code path} (below the API prefix) once; see {@link #answerNow(KlingKind, ObjectNode)}. */
    public CompletableFuture<JsonNode> answerNow(String path, ObjectNode body) {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return CompletableFuture.failedFuture(e);
        }
        return http.sendUnlessAccepted(() -> authorized(() -> post(path, json).thenApply(reader::data)),
                cause -> cause instanceof KlingApiException api && api.isThrottling(), retryPolicy);
    }

    /**
     * The account's resource packs between two times ({@code GET /account/costs}, beside the {@code /v1}
     * paths, QPS ≤ 1): the inner {@code data}, whose own {@code code} is checked.
     */
    public CompletableFuture<JsonNode> costs(long startMillis, long endMillis, String resourcePackName) {
        String base = apiBase.endsWith("/v1") ? apiBase.substring(0, apiBase.length() - 3) : apiBase;
        String query = "?start_time=" + startMillis + "&end_time=" + endMillis
                + (resourcePackName == null ? "" : "&resource_pack_name=" + encode(resourcePackName));
        return authorized(() -> http.sendSafely(() -> HttpRequest.newBuilder(URI.create(base + KlingKind.accountCosts.path() + query))
                .timeout(requestTimeout).header("Authorization", credentials.authorization()).header("Accept", "application/json")
                .GET().build(), response -> {
                    JsonNode data = reader.data(response);
                    if (data.path("code").asInt(0) != 0) {
                        throw new KlingApiException("Kling answered the account costs with code " + data.path("code").asText()
                                + ": " + data.path("msg").asText(""), response.statusCode(), data.path("code").asText(), null, false,
                                null, null);
                    }
                    return data;
                }, retryPolicy));
    }

    /** Queries one task by task id or external task id; retried through throttling, 5xx and network errors. */
    public CompletableFuture<KlingTask> get(KlingKind kind, String id) {
        return authorized(() -> http.sendSafely(() -> request(kind.path() + "/" + encode(id)).GET().build(),
                reader::task, retryPolicy));
    }

    /** The task created with {@code externalTaskId}, or null when the API says there is none. */
    public CompletableFuture<KlingTask> lookUp(KlingKind kind, String externalTaskId) {
        return get(kind, externalTaskId).handle((task, error) -> {
            if (error == null) {
                return task;
            }
            Throwable cause = ApiHttpClient.unwrap(error);
            if (cause instanceof KlingApiException api && api.isNotFound()) {
                return null;
            }
            throw cause instanceof RuntimeException runtime ? runtime : new java.util.concurrent.CompletionException(cause);
        });
    }

    /** Lists the account's tasks of a kind, newest first. */
    public CompletableFuture<List<KlingTask>> list(KlingKind kind, int pageNum, int pageSize) {
        String query = "?pageNum=" + pageNum + "&pageSize=" + pageSize;
        return authorized(() -> http.sendSafely(() -> request(kind.path() + query).GET().build(), reader::tasks, retryPolicy));
    }

    /** Lists Kling's own voices or elements ({@link KlingKind#presetsPath()}), as list items shaped like tasks. */
    public CompletableFuture<List<KlingTask>> presets(KlingKind kind, int pageNum, int pageSize) {
        String query = "?pageNum=" + pageNum + "&pageSize=" + pageSize;
        return authorized(() -> http.sendSafely(() -> request(kind.presetsPath() + query).GET().build(), reader::tasks, retryPolicy));
    }

    /**
     * Deletes a custom voice or element ({@link KlingKind#deletePath()}) and answers {@code {task_id,
     * task_status}}. Repeated only when surely not accepted: a second delete of the same id is refused.
     */
    public CompletableFuture<JsonNode> delete(KlingKind kind, ObjectNode body) {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return CompletableFuture.failedFuture(e);
        }
        return http.sendUnlessAccepted(() -> authorized(() -> post(kind.deletePath(), json).thenApply(reader::data)),
                cause -> cause instanceof KlingApiException api && api.isThrottling(), retryPolicy);
    }

    private CompletableFuture<HttpResponse<byte[]>> post(KlingKind kind, byte[] json) {
        return post(kind.path(), json);
    }

    private CompletableFuture<HttpResponse<byte[]>> post(String path, byte[] json) {
        return http.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build());
    }

    /**
     * Runs a call; when the JWT is refused for its timing (1003 / 1004), renews it and runs the call
     * once more (nothing was processed: the API refused the request at the door).
     */
    private <T> CompletableFuture<T> authorized(java.util.function.Supplier<CompletableFuture<T>> call) {
        return call.get().handle((value, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(value);
            }
            Throwable cause = ApiHttpClient.unwrap(error);
            if (cause instanceof KlingApiException api && api.isTokenTimingError() && credentials.renew()) {
                LOG.debug("Kling refused the token ({}); renewing it once", api.getCode());
                return call.get();
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

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

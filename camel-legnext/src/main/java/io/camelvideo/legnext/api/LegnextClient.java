package io.camelvideo.legnext.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelvideo.legnext.model.LegnextBalance;
import io.camelvideo.legnext.model.LegnextJob;
import io.camelvideo.task.http.ApiHttpClient;
import io.camelvideo.task.http.RetryPolicy;

import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The Legnext HTTP API for one key: submit a job, query a job, read the balance.
 *
 * <p>Queries are retried on 429, 5xx and network errors. A submit is retried only when it surely
 * did not reach the service (connection refused or not established) or was refused with 429.
 * Legnext has no idempotency key, so any other failure after the request left (timeout, reset,
 * 5xx, unreadable answer) is left to the submit protocol, which records it as "outcome unknown".
 */
public final class LegnextClient {

    private final ApiHttpClient http;
    private final String baseUrl;
    private final String apiKey;
    private final LegnextResponseReader reader;
    private final ObjectMapper mapper;
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;

    public LegnextClient(ApiHttpClient http, String baseUrl, String apiKey, LegnextResponseReader reader, ObjectMapper mapper,
                         Duration requestTimeout, RetryPolicy retryPolicy) {
        this.http = http;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiKey = apiKey;
        this.reader = reader;
        this.mapper = mapper;
        this.requestTimeout = requestTimeout;
        this.retryPolicy = retryPolicy;
    }

    /** Submits a job to {@code /api/v1/<path>}. */
    public CompletableFuture<LegnextJob> submit(String path, ObjectNode body) {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            return CompletableFuture.failedFuture(e);
        }
        return submit(path, json, 1);
    }

    private CompletableFuture<LegnextJob> submit(String path, byte[] json, int attempt) {
        HttpRequest request = request("/api/v1/" + path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
        return http.send(request).thenApply(reader::job).handle((job, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(job);
            }
            Throwable cause = ApiHttpClient.unwrap(error);
            boolean refused = cause instanceof LegnextApiException api && api.getHttpStatus() == 429;
            if ((notSent(cause) || refused) && attempt < retryPolicy.maxAttempts()) {
                Duration delay = retryPolicy.delayAfter(attempt, refused ? ((LegnextApiException) cause).getRetryAfter() : null);
                return http.delays().after(delay, () -> submit(path, json, attempt + 1));
            }
            return CompletableFuture.<LegnextJob>failedFuture(cause);
        }).thenCompose(Function.identity());
    }

    /** Whether a failed submit surely never reached the API: the connection could not be opened. */
    public static boolean notSent(Throwable cause) {
        return cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException;
    }

    /** Queries a job. */
    public CompletableFuture<LegnextJob> job(String jobId) {
        String path = "/api/v1/job/" + URLEncoder.encode(jobId, StandardCharsets.UTF_8);
        return http.sendSafely(() -> request(path).GET().build(), reader::job, retryPolicy);
    }

    /** Reads the account balance. */
    public CompletableFuture<LegnextBalance> balance() {
        return http.sendSafely(() -> request("/api/account/balance").GET().build(), reader::balance, retryPolicy);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(requestTimeout)
                .header("x-api-key", apiKey)
                .header("Accept", "application/json");
    }
}

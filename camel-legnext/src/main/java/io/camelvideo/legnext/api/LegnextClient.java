package io.camelvideo.legnext.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelvideo.legnext.model.LegnextBalance;
import io.camelvideo.legnext.model.LegnextJob;
import io.camelvideo.task.http.ApiHttpClient;
import io.camelvideo.task.http.RetryPolicy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

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
        return submit(path, json);
    }

    /** A 429 means the submit was not accepted: it is sent again; anything after sending is not. */
    private CompletableFuture<LegnextJob> submit(String path, byte[] json) {
        return http.sendUnlessAccepted(() -> http.send(request("/api/v1/" + path).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build()).thenApply(reader::job),
                cause -> cause instanceof LegnextApiException api && api.getHttpStatus() == 429, retryPolicy);
    }

    /** Queries a job. */
    public CompletableFuture<LegnextJob> job(String jobId) {
        String path = "/api/v1/job/" + URLEncoder.encode(jobId, StandardCharsets.UTF_8);
        return http.sendSafely(() -> request(path).GET().build(), reader::job, retryPolicy);
    }

    /** Reads {@code GET /api/account/info} or {@code /api/account/active_tasks}: the answer's {@code data}. */
    public CompletableFuture<com.fasterxml.jackson.databind.JsonNode> account(String what) {
        return http.sendSafely(() -> request("/api/account/" + what).GET().build(), reader::data, retryPolicy);
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

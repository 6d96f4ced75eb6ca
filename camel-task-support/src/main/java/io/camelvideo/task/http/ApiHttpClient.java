package io.camelvideo.task.http;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Non-blocking HTTP for the components, on HttpCore 5 reactors (one pair per account, so connections
 * are reused; see {@link ReactorTransport}): every call returns a {@link CompletableFuture}, and a safe
 * call can be retried with {@link RetryPolicy} without a thread ever sleeping. Requests and answers
 * are described with the {@code java.net.http} types.
 *
 * <p>API calls carry credentials, so they never follow a redirect (a client that did would re-send the
 * credential headers to whatever host the redirect names); a 3xx answer is an error. Media downloads
 * carry no credentials; the caller follows their http(s) redirects.
 */
public final class ApiHttpClient implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApiHttpClient.class);

    /** How many API requests of one account are in flight at most; more wait their turn. */
    static final int MAX_REQUESTS_IN_FLIGHT = 16;

    private final ReactorTransport api;
    private final ReactorTransport files;
    /** The read buffer of a file download's connection: 256 KB per write to the spool file. */
    private static final int FILE_BUFFER_BYTES = 256 * 1024;
    private final Delays delays;
    private final RequestWindow window;

    /**
     * @param connectTimeout how long to wait for a TCP connection
     * @param delays         where responses are handled and retries are timed (Camel's pools for the component)
     */
    public ApiHttpClient(Duration connectTimeout, Delays delays) {
        this.delays = delays;
        this.window = new RequestWindow(MAX_REQUESTS_IN_FLIGHT, delays.workers());
        // API requests: HttpCore 5's reactor (one I/O thread, no thread per response); each completion is
        // handed to our workers at once (onWorkers), so parsing, ledger writes and routing never run on it
        this.api = new ReactorTransport(connectTimeout, MAX_REQUESTS_IN_FLIGHT, delays.scheduler());
        // media files: a reactor of their own, writing each body straight into its spool file
        this.files = new ReactorTransport(connectTimeout, MAX_REQUESTS_IN_FLIGHT, delays.scheduler(), FILE_BUFFER_BYTES);
    }

    /** Sends one API request once; the body is read fully (API answers are small JSON documents). */
    public CompletableFuture<HttpResponse<byte[]>> send(HttpRequest request) {
        return onWorkers(window.submit(() -> explained(api.send(request), request.uri())));
    }

    /**
     * Downloads a media file (no credentials; redirects are the caller's to follow) into {@code file}, the
     * bytes written as they arrive; completes on the component's workers. Cancelling the future ends
     * the transfer.
     *
     * @param progress told the bytes written so far (from the I/O thread: keep it cheap)
     */
    public CompletableFuture<DownloadAnswer> download(java.net.URI uri, java.nio.file.Path file, long maxBytes,
                                                     java.util.function.LongConsumer progress) {
        CompletableFuture<DownloadAnswer> transfer = files.download(uri, file, maxBytes, progress);
        CompletableFuture<DownloadAnswer> handed = onWorkers(explained(transfer, uri));
        handed.whenComplete((answer, error) -> {
            if (handed.isCancelled()) {
                transfer.cancel(true);
            }
        });
        return handed;
    }

    /**
     * The same outcome, completed on the component's workers: what depends on a response (parsing,
     * ledger writes, routing) never runs on the reactor's I/O thread, which only moves bytes.
     */
    private <T> CompletableFuture<T> onWorkers(CompletableFuture<T> response) {
        CompletableFuture<T> handed = new CompletableFuture<>();
        response.whenComplete((value, error) -> {
            Runnable complete = () -> {
                if (error != null) {
                    handed.completeExceptionally(error);
                } else {
                    handed.complete(value);
                }
            };
            try {
                delays.workers().execute(complete);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                complete.run();
            }
        });
        return handed;
    }

    /**
     * A connection that could not be opened says where it tried to connect (scheme, host and port:
     * never a path or query, so no credential) and what usually fixes it; the JDK's own message is
     * often just {@code null}. The exception keeps its type, so it still counts as "not sent".
     */
    private static <T> CompletableFuture<T> explained(CompletableFuture<T> response, java.net.URI uri) {
        return response.exceptionallyCompose(error -> {
            Throwable cause = unwrap(error);
            if (!(cause instanceof java.net.ConnectException) || cause instanceof java.net.http.HttpConnectTimeoutException) {
                return CompletableFuture.failedFuture(cause);
            }
            java.net.ConnectException explained = new java.net.ConnectException("Cannot connect to "
                    + ReactorTransport.origin(uri) + " (" + reason(cause) + "; the request was not sent): check the"
                    + " baseUrl option, that the API (or the emulator) is running there, and whether a proxy is needed");
            explained.initCause(cause);
            return CompletableFuture.failedFuture(explained);
        });
    }

    /** Why a connection failed, without the address (the message names it once): e.g. {@code connection refused}. */
    private static String reason(Throwable cause) {
        String message = cause.getMessage();
        if (message == null || message.toLowerCase(java.util.Locale.ROOT).contains("refused")) {
            return "connection refused";
        }
        int failed = message.lastIndexOf("failed: ");
        return failed >= 0 ? message.substring(failed + "failed: ".length()) : message;
    }

    /** Closes the API connections (a stopped component's accounts); requests still in flight fail. */
    @Override
    public void close() {
        api.close();
        files.close();
    }

    /** The pools this client runs on. */
    public Delays delays() {
        return delays;
    }

    /**
     * Sends a safe (idempotent) request, retrying on network errors and on retryable
     * {@link RemoteApiException}s raised by {@code interpret}.
     *
     * @param request   builds the request for each attempt (auth headers may change between attempts)
     * @param interpret turns a response into the result, or throws a {@link RemoteApiException}
     */
    public <T> CompletableFuture<T> sendSafely(Supplier<HttpRequest> request, Function<HttpResponse<byte[]>, T> interpret,
                                              RetryPolicy policy) {
        return retrying(() -> send(request.get()).thenApply(interpret), ApiHttpClient::isRetryable, policy, 1);
    }

    /**
     * Sends a create (not safe to repeat once it may have arrived) and repeats it only when it surely
     * was not accepted: the connection could not be opened ({@link #notSent}), or {@code refused} says
     * the API turned it down unprocessed (throttling). Anything else — an answer lost after sending, a
     * 5xx — is left to the caller, which knows how to find out whether the task exists.
     *
     * @param call    sends the create once and reads the answer
     * @param refused whether an error is the API's refusal of an unprocessed create
     */
    public <T> CompletableFuture<T> sendUnlessAccepted(Supplier<CompletableFuture<T>> call, Predicate<Throwable> refused,
                                                       RetryPolicy policy) {
        return retrying(call, cause -> refused.test(cause) || notSent(cause), policy, 1);
    }

    /**
     * The one retry loop: runs {@code call}, and after an error {@code repeatable} accepts waits as
     * {@code policy} says (a {@code Retry-After} wins) on the component's scheduler, no thread sleeping.
     */
    private <T> CompletableFuture<T> retrying(Supplier<CompletableFuture<T>> call, Predicate<Throwable> repeatable,
                                              RetryPolicy policy, int attempt) {
        CompletableFuture<T> result;
        try {
            result = call.get();
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        return result.handle((value, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(value);
            }
            Throwable cause = unwrap(error);
            boolean refused = isRefused(cause);
            int attempts = refused ? Math.min(policy.maxAttempts(), REFUSED_ATTEMPTS) : policy.maxAttempts();
            if (attempt >= attempts || !repeatable.test(cause)) {
                return CompletableFuture.<T>failedFuture(cause);
            }
            if (refused) {
                // nothing listens there: one quick second try (a restart in progress), then the error that says where
                Duration delay = policy.delayAfter(1, null);
                LOG.warn("{}; trying once more in {} ms", cause.getMessage(), delay.toMillis());
                return delays.after(delay, () -> retrying(call, repeatable, policy, attempt + 1));
            }
            Duration delay = policy.delayAfter(attempt, cause instanceof RemoteApiException api ? api.getRetryAfter() : null);
            LOG.debug("Request failed ({}); trying again in {} ms", cause.getMessage(), delay.toMillis());
            return delays.after(delay, () -> retrying(call, repeatable, policy, attempt + 1));
        }).thenCompose(Function.identity());
    }

    /** A refused connection is tried this often in all, whatever maxRetries says: retrying longer finds nobody either. */
    static final int REFUSED_ATTEMPTS = 2;

    /** Whether nothing accepted the connection (not a timeout: a slow network may still answer). */
    static boolean isRefused(Throwable cause) {
        return cause instanceof java.net.ConnectException && !(cause instanceof java.net.http.HttpConnectTimeoutException);
    }

    /** Whether a failed request surely never reached the API: the connection could not be opened. */
    public static boolean notSent(Throwable cause) {
        return cause instanceof java.net.ConnectException || cause instanceof java.net.http.HttpConnectTimeoutException;
    }

    /** Network trouble and retryable API errors may be retried; anything else may not. */
    public static boolean isRetryable(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof RemoteApiException api) {
            return api.isRetryable();
        }
        return cause instanceof IOException || cause instanceof java.io.UncheckedIOException;
    }

    /** The answer's {@code Retry-After} in seconds, or null when absent or not a number. */
    public static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(value -> {
            try {
                return Duration.ofSeconds(Long.parseLong(value.trim()));
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(null);
    }

    /** The answer's body as JSON, or null when it is empty or not JSON (an HTML error page, a torn answer). */
    public static com.fasterxml.jackson.databind.JsonNode jsonOrNull(com.fasterxml.jackson.databind.ObjectMapper mapper,
                                                                     HttpResponse<byte[]> response) {
        try {
            return mapper.readTree(response.body());
        } catch (IOException e) {
            return null;
        }
    }

    /** Strips the {@link CompletionException} wrappers of future composition. */
    public static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof java.util.concurrent.ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}

package io.camelvideo.task.http;

import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.impl.bootstrap.AsyncRequesterBootstrap;
import org.apache.hc.core5.http.impl.bootstrap.HttpAsyncRequester;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;
import org.apache.hc.core5.http.nio.entity.BasicAsyncEntityConsumer;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;
import org.apache.hc.core5.http.nio.support.BasicResponseConsumer;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

import javax.net.ssl.SSLSession;
import java.io.ByteArrayOutputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends API requests on HttpCore 5's non-blocking I/O reactor: one I/O thread per client, whatever
 * the number of requests in flight, and no thread per response (the JDK client hops every completion
 * to the common pool, which on two cores or fewer starts a thread per response). HttpCore logs
 * nothing, so no header (an {@code Authorization} above all) can reach a log, whatever the levels.
 *
 * <p>Requests and answers keep the {@code java.net.http} types the components build and read; errors
 * keep the JDK's types where the retry rules look at them: a refused connection is a
 * {@code ConnectException}, a connect timeout an {@code HttpConnectTimeoutException}, a request that
 * outlives its {@code timeout()} an {@code HttpTimeoutException} (timed here, headers to last byte).
 */
final class ReactorTransport implements AutoCloseable {

    /** Headers HttpCore writes itself (or that describe the body it writes). */
    private static final Set<String> OWN_HEADERS = Set.of("content-type", "content-length", "host", "connection",
            "transfer-encoding");

    private final HttpAsyncRequester requester;
    private final Timeout connectTimeout;
    private final ScheduledExecutorService timer;

    /**
     * @param connectTimeout how long to wait for a TCP connection
     * @param connections    the most connections per host (as many as requests may be in flight)
     * @param timer          where request timeouts are timed
     */
    ReactorTransport(Duration connectTimeout, int connections, ScheduledExecutorService timer) {
        this(connectTimeout, connections, timer, Http1Config.DEFAULT.getBufferSize());
    }

    /** @param bufferSize each connection's read buffer: large for files (fewer, larger writes to disk) */
    ReactorTransport(Duration connectTimeout, int connections, ScheduledExecutorService timer, int bufferSize) {
        this.connectTimeout = Timeout.of(connectTimeout);
        this.timer = timer;
        this.requester = AsyncRequesterBootstrap.bootstrap()
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(1).setTcpNoDelay(true).build())
                .setHttp1Config(Http1Config.custom().setBufferSize(bufferSize).build())
                .setMaxTotal(connections * 4)
                .setDefaultMaxPerRoute(connections)
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                .create();
        requester.start();
    }

    /** Sends one request; the answer's body is read fully (API answers are small JSON documents). */
    CompletableFuture<HttpResponse<byte[]>> send(HttpRequest request) {
        BasicHttpRequest message = new BasicHttpRequest(request.method(), request.uri());
        request.headers().map().forEach((name, values) -> {
            if (!OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> message.addHeader(name, value));
            }
        });
        byte[] body = body(request);
        AsyncEntityProducer entity = body == null ? null : AsyncEntityProducers.create(body,
                request.headers().firstValue("Content-Type").map(ContentType::parse).orElse(ContentType.APPLICATION_OCTET_STREAM));
        CompletableFuture<HttpResponse<byte[]>> answer = new CompletableFuture<>();
        Future<Message<org.apache.hc.core5.http.HttpResponse, byte[]>> exchange = requester.execute(
                new BasicRequestProducer(message, entity), new BasicResponseConsumer<>(new BasicAsyncEntityConsumer()),
                connectTimeout, new FutureCallback<>() {
                    @Override
                    public void completed(Message<org.apache.hc.core5.http.HttpResponse, byte[]> response) {
                        answer.complete(new Answer(request, response.getHead(), response.getBody()));
                    }

                    @Override
                    public void failed(Exception error) {
                        answer.completeExceptionally(jdkType(error, request.uri()));
                    }

                    @Override
                    public void cancelled() {
                        answer.completeExceptionally(new CancellationException("the request was cancelled"));
                    }
                });
        request.timeout().ifPresent(timeout -> {
            ScheduledFuture<?> expiry = timer.schedule(() -> {
                HttpTimeoutException late = new HttpTimeoutException("request timed out after " + timeout.toMillis() + " ms: "
                        + origin(request.uri()));
                if (answer.completeExceptionally(late)) {
                    exchange.cancel(true);
                }
            }, timeout.toMillis(), TimeUnit.MILLISECONDS);
            answer.whenComplete((response, error) -> expiry.cancel(false));
        });
        return answer;
    }

    /**
     * Downloads {@code uri} into {@code file} (no credentials: media URLs are public or signed). The
     * returned future's {@code cancel} ends the transfer (the watchdog of a stalled or slow download).
     *
     * @param progress told the bytes written so far, from the I/O thread
     */
    CompletableFuture<DownloadAnswer> download(URI uri, java.nio.file.Path file, long maxBytes,
                                                            java.util.function.LongConsumer progress) {
        CompletableFuture<DownloadAnswer> answer = new CompletableFuture<>();
        Future<DownloadAnswer> exchange = requester.execute(
                new BasicRequestProducer(new BasicHttpRequest("GET", uri), null),
                new FileResponseConsumer(file, maxBytes, progress), connectTimeout, new FutureCallback<>() {
                    @Override
                    public void completed(DownloadAnswer fetched) {
                        answer.complete(fetched);
                    }

                    @Override
                    public void failed(Exception error) {
                        answer.completeExceptionally(error instanceof BodyTooLargeException ? error
                                : jdkType(error, uri));
                    }

                    @Override
                    public void cancelled() {
                        answer.completeExceptionally(new CancellationException("the download was cancelled"));
                    }
                });
        answer.whenComplete((fetched, error) -> {
            if (answer.isCancelled()) {
                exchange.cancel(true);
            }
        });
        return answer;
    }

    /** The bytes of an in-memory body publisher (what the components send); null without a body. */
    private static byte[] body(HttpRequest request) {
        Optional<HttpRequest.BodyPublisher> publisher = request.bodyPublisher();
        if (publisher.isEmpty() || publisher.get().contentLength() == 0) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CompletableFuture<byte[]> done = new CompletableFuture<>();
        publisher.get().subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                bytes.writeBytes(chunk);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                done.complete(bytes.toByteArray());
            }
        });
        return done.join();
    }

    /** HttpCore's errors in the JDK types the retry rules know. */
    private static Throwable jdkType(Exception error, URI uri) {
        if (error instanceof SocketTimeoutException || error instanceof org.apache.hc.core5.http.ConnectionRequestTimeoutException
                || error instanceof java.util.concurrent.TimeoutException) {
            HttpConnectTimeoutException timeout = new HttpConnectTimeoutException("connect timed out: " + origin(uri));
            timeout.initCause(error);
            return timeout;
        }
        if (error instanceof java.net.UnknownHostException) {
            java.net.ConnectException unknown = new java.net.ConnectException("unknown host " + uri.getHost());
            unknown.initCause(error);
            return unknown;
        }
        return error;
    }

    /** Scheme, host and port: never a path or a query, which may carry a credential. */
    static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }

    @Override
    public void close() {
        requester.close(CloseMode.GRACEFUL);
    }

    /** An HttpCore answer seen as a {@code java.net.http} response with a byte[] body. */
    private record Answer(HttpRequest request, org.apache.hc.core5.http.HttpResponse head, byte[] bytes)
            implements HttpResponse<byte[]> {

        @Override
        public int statusCode() {
            return head.getCode();
        }

        @Override
        public Optional<HttpResponse<byte[]>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public HttpHeaders headers() {
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (Header header : head.getHeaders()) {
                headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
            }
            return HttpHeaders.of(headers, (name, value) -> true);
        }

        @Override
        public byte[] body() {
            return bytes != null ? bytes : new byte[0];
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request.uri();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}

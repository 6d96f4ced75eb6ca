package io.camelvideo.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.camelvideo.emulator.EmulatorSettings;
import io.camelvideo.emulator.faults.Fault;
import io.camelvideo.emulator.faults.FaultPlan;
import io.camelvideo.emulator.journal.RecordedRequest;
import io.camelvideo.emulator.journal.RequestJournal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one HTTP server (the JDK's) in front of every emulated API: reads the request, plays an
 * injected fault if one matches, lets the owning {@link Api} answer, records the exchange in the
 * {@link RequestJournal} and streams the response.
 */
public final class EmulatorHttpServer {

    /** Thrown to make the JDK server close the connection without a response. */
    private static final class DroppedConnection extends RuntimeException {
        DroppedConnection() {
            super("connection dropped by an injected fault", null, false, false);
        }
    }

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, every small
        // response then waits ~40 ms for a delayed ACK. Read once, when the first server is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final byte[] MALFORMED = "{\"code\":0,\"message\":\"SUCCEED\",\"data\":{task_id:<html>Bad Gateway</html>"
            .getBytes(StandardCharsets.UTF_8);

    private final EmulatorSettings settings;
    private final List<Api> apis;
    private final FaultPlan faults;
    private final RequestJournal journal;
    private HttpServer server;
    private ExecutorService executor;

    public EmulatorHttpServer(EmulatorSettings settings, List<Api> apis, FaultPlan faults, RequestJournal journal) {
        this.settings = settings;
        this.apis = List.copyOf(apis);
        this.faults = faults;
        this.journal = journal;
    }

    public void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 1024);
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "emulator-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            ApiRequest request = read(exchange);
            Api api = apis.stream().filter(a -> a.serves(request)).findFirst().orElse(null);
            if (api == null) {
                send(exchange, request, ApiResponse.text(404, "no emulated API at " + request.path()));
                return;
            }
            if (!api.observed()) {
                send(exchange, request, api.handle(request));
                return;
            }
            Fault fault = faults.next(request.method(), request.path());
            long latency = settings.latencyMillis();
            ApiResponse response;
            try {
                response = fault == null ? api.handle(request) : play(fault, api, request);
            } catch (RuntimeException e) {
                // an emulator bug must show as a 500, not look like an injected dropped connection
                e.printStackTrace();
                response = ApiResponse.text(500, "emulator error: " + e);
            }
            if (fault != null && fault.type() == Fault.Type.DELAY) {
                latency += fault.delayMillis();
            }
            if (latency > 0) {
                sleep(latency);
            }
            if (response == null) {
                journal.record(record(request, -1, fault));
                throw new DroppedConnection();
            }
            journal.record(record(request, response.status(), fault));
            send(exchange, request, response);
        }
    }

    /** The response a fault produces, or null for a dropped connection. */
    private static ApiResponse play(Fault fault, Api api, ApiRequest request) throws IOException {
        if (fault.type() == Fault.Type.LATE) {
            sleep(fault.delayMillis());
        }
        boolean processes = fault.type() == Fault.Type.LATE || fault.phase() == Fault.Phase.AFTER || fault.type() == Fault.Type.DELAY
                || fault.type() == Fault.Type.TRUNCATED_JSON || fault.type() == Fault.Type.UNKNOWN_STATUS;
        ApiResponse real = processes ? api.handle(request) : null;
        return switch (fault.type()) {
            case DELAY, LATE -> real;
            case DROP -> null;
            case STATUS -> {
                ApiResponse error = api.faultResponse(request, fault.status(), fault.code());
                if (fault.retryAfterSeconds() != null) {
                    error.header("Retry-After", Integer.toString(fault.retryAfterSeconds()));
                }
                yield error;
            }
            case MALFORMED_JSON -> ApiResponse.bytes(200, "application/json", MALFORMED);
            case UNKNOWN_STATUS -> {
                ByteArrayOutputStream full = new ByteArrayOutputStream();
                real.body().writeTo(full);
                yield ApiResponse.bytes(real.status(), real.contentType(), oddStatuses(full.toByteArray()));
            }
            case TRUNCATED_JSON -> {
                ByteArrayOutputStream full = new ByteArrayOutputStream();
                real.body().writeTo(full);
                byte[] bytes = full.toByteArray();
                byte[] half = java.util.Arrays.copyOf(bytes, Math.max(1, bytes.length / 2));
                yield ApiResponse.bytes(real.status(), real.contentType(), half);
            }
        };
    }

    /** The answer with every status field set to one no contract lists, plus an unexpected field. */
    private static byte[] oddStatuses(byte[] body) throws IOException {
        com.fasterxml.jackson.databind.JsonNode json = Json.read(body);
        renameStatuses(json);
        if (json instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            object.putObject("emulator_unexpected_field").put("nested", true);
        }
        return Json.write(json);
    }

    private static void renameStatuses(com.fasterxml.jackson.databind.JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            for (String field : java.util.List.of("task_status", "status")) {
                if (object.has(field) && object.get(field).isTextual()) {
                    object.put(field, "under_review");
                }
            }
            object.elements().forEachRemaining(EmulatorHttpServer::renameStatuses);
        } else if (node != null && node.isArray()) {
            node.elements().forEachRemaining(EmulatorHttpServer::renameStatuses);
        }
    }

    private RecordedRequest record(ApiRequest request, int status, Fault fault) {
        return new RecordedRequest(journal.nextSequence(), System.currentTimeMillis(), request.method(), request.path(),
                request.query(), request.headers(), request.body(), status, fault == null ? null : fault.toString());
    }

    private static ApiRequest read(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        return new ApiRequest(exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT),
                exchange.getRequestURI().getPath(), ApiRequest.parseQuery(exchange.getRequestURI().getRawQuery()),
                ApiRequest.flattenHeaders(exchange.getRequestHeaders()), body);
    }

    private static void send(HttpExchange exchange, ApiRequest request, ApiResponse response) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        if (response.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
        }
        boolean noBody = "HEAD".equals(request.method()) || response.length() <= 0;
        if (noBody && response.length() > 0) {
            exchange.getResponseHeaders().set("Content-Length", Long.toString(response.length()));
        }
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.length());
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                response.body().writeTo(out);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

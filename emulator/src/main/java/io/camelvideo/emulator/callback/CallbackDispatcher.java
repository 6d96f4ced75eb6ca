package io.camelvideo.emulator.callback;

import io.camelvideo.emulator.http.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * POSTs task notifications to the {@code callback_url} / {@code callback} a client gave, at the real
 * time a status change happens, and remembers each delivery so tests can inspect them.
 */
public final class CallbackDispatcher implements AutoCloseable {

    /** One notification the emulator sent (status -1: the receiver could not be reached). */
    public record Delivery(String url, String body, int status) {
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "emulator-callbacks");
        t.setDaemon(true);
        return t;
    });
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger pending = new java.util.concurrent.atomic.AtomicInteger();
    private final io.camelvideo.emulator.EmulatorSettings settings;

    public CallbackDispatcher(io.camelvideo.emulator.EmulatorSettings settings) {
        this.settings = settings;
    }

    /** Sends {@code payload.get()} (evaluated at send time) to {@code url} after {@code delayMillis}. */
    public void schedule(String url, long delayMillis, Supplier<Object> payload) {
        if (url == null || url.isBlank() || settings.dropCallbacks()) {
            return;
        }
        pending.incrementAndGet();
        timer.schedule(() -> send(url, Json.write(payload.get())), Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
        if (settings.duplicateCallbacks()) {
            pending.incrementAndGet();
            timer.schedule(() -> send(url, Json.write(payload.get())), Math.max(0, delayMillis) + 20, TimeUnit.MILLISECONDS);
        }
    }

    private void send(String url, byte[] body) {
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        deliveries.add(new Delivery(url, text, error == null ? response.statusCode() : -1));
                        pending.decrementAndGet();
                    });
        } catch (IllegalArgumentException e) {
            deliveries.add(new Delivery(url, text, -1));
            pending.decrementAndGet();
        }
    }

    /** How many scheduled notifications are not yet sent (or not yet answered). */
    public int pending() {
        return pending.get();
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    public void clear() {
        deliveries.clear();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

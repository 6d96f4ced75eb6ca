package io.camelvideo.emulator.callback;

import io.camelvideo.emulator.http.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * POSTs task notifications to the {@code callback_url} / {@code callback} a client gave, at the real
 * time a status change happens, and remembers each delivery so tests can inspect them.
 */
public final class CallbackDispatcher implements AutoCloseable {

    /**
     * One notification the emulator sent (status -1: the receiver could not be reached); {@code answeredAfterMillis}
     * is the time from the status change it reports to the receiver's answer.
     */
    public record Delivery(String url, String body, int status, long answeredAfterMillis) {
    }

    /**
     * At most this many notifications are in flight at once, like a real sender's worker pool; the rest
     * wait their turn (a burst of task ends does not open thousands of connections to the receiver).
     */
    static final int MAX_IN_FLIGHT = 64;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /**
     * The senders: each sends one notification at a time with the client's blocking {@code send}. (Its
     * {@code sendAsync} hands every answer to the default async pool, which on two cores or fewer starts
     * a thread per answer: a burst of callbacks then cost the emulator more CPU than the receiver.)
     */
    private final ExecutorService senders = Executors.newFixedThreadPool(MAX_IN_FLIGHT, new ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "emulator-callback-sender-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    });
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "emulator-callbacks");
        t.setDaemon(true);
        return t;
    });
    private final Queue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
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
        long due = System.currentTimeMillis() + Math.max(0, delayMillis);
        timer.schedule(() -> send(url, Json.write(payload.get()), due), Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
        if (settings.duplicateCallbacks()) {
            pending.incrementAndGet();
            timer.schedule(() -> send(url, Json.write(payload.get()), due), Math.max(0, delayMillis) + 20, TimeUnit.MILLISECONDS);
        }
    }

    private void send(String url, byte[] body, long due) {
        try {
            senders.execute(() -> post(url, body, due));
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            pending.decrementAndGet();
        }
    }

    private void post(String url, byte[] body, long due) {
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        int status;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IllegalArgumentException | java.io.IOException e) {
            status = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        deliveries.add(new Delivery(url, text, status, System.currentTimeMillis() - due));
        pending.decrementAndGet();
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
        senders.shutdownNow();
    }
}

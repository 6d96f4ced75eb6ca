package io.camelvideo.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The emulator in its own JVM, so its threads and heap are not counted as the client's. */
final class EmulatorProcess implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Process process;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    EmulatorProcess(Path jar, double speed) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of("java", "-Xmx4g"));
        // e.g. -Demulator.jvmArgs=-XX:StartFlightRecording=filename=emulator.jfr to profile the emulator's side
        String jvmArgs = System.getProperty("emulator.jvmArgs", "").trim();
        if (!jvmArgs.isEmpty()) {
            command.addAll(List.of(jvmArgs.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(), "--port", Integer.toString(port), "--speed", Double.toString(speed),
                "--journal-capacity", "400000"));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        for (int skipped = 0; line != null && !line.contains("listening") && skipped < 10; skipped++) {
            line = out.readLine(); // what the JVM printed first (a flight recording's start, say)
        }
        if (line == null || !line.contains("listening")) {
            throw new IllegalStateException("the emulator did not start: " + line);
        }
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // keep the pipe empty
                }
            } catch (IOException ignored) {
                // the emulator stopped
            }
        }, "emulator-output");
        drain.setDaemon(true);
        drain.start();
        baseUrl = "http://127.0.0.1:" + port;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** The CPU time the emulator's JVM has used so far, in ms (it shares the machine's cores with the client). */
    double cpuMillis() {
        return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(Double.NaN);
    }

    void reset() throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/__emulator/reset")).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.discarding());
    }

    void settings(String json) throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/__emulator/settings"))
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding());
    }

    /** GET requests received since the last reset. */
    long gets() throws Exception {
        return stats().get("gets").asLong();
    }

    /** List-page GETs since the last reset (the rest of the GETs ask about one task each). */
    long pageGets() throws Exception {
        return stats().get("pageGets").asLong();
    }

    /** The callbacks the emulator sent since the last reset, per HTTP status of the answer (-1: no answer). */
    String callbacks() throws Exception {
        JsonNode stats = stats();
        return stats.get("callbacks") + ", answered after (ms) " + stats.get("callbackAnswerMillis");
    }

    long posts() throws Exception {
        return stats().get("posts").asLong();
    }

    private JsonNode stats() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/__emulator/stats")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return MAPPER.readTree(response.body());
    }

    @Override
    public void close() {
        process.destroy();
    }
}

package io.camelvideo.task.http;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.FileInputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HttpCore transport against a JDK HTTP(S) server on loopback: what arrives, what comes back, how it fails. */
class ReactorTransportTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, String> seen = new ConcurrentHashMap<>();
    private final java.util.concurrent.CountDownLatch answerSlowly = new java.util.concurrent.CountDownLatch(1);
    private HttpServer server;
    private ReactorTransport transport;
    private String base;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/echo", exchange -> {
            seen.put("method", exchange.getRequestMethod());
            seen.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
            seen.put("contentType", exchange.getRequestHeaders().getFirst("Content-Type"));
            seen.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = "{\"code\":0}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Retry-After", "7");
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.createContext("/slow", exchange -> {
            try {
                answerSlowly.await(); // no answer until the test is over: longer than any request timeout
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/video.mp4", exchange -> {
            byte[] video = new byte[3 * 1024 * 1024 + 17];
            video[4] = 'f';
            exchange.getResponseHeaders().add("Content-Type", "video/mp4");
            exchange.sendResponseHeaders(200, video.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(video);
            }
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/video.mp4");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        transport = new ReactorTransport(Duration.ofSeconds(2), 4, timer, 64 * 1024);
    }

    @AfterEach
    void stop() {
        answerSlowly.countDown();
        transport.close();
        server.stop(0);
        timer.shutdownNow();
    }

    @Test
    void aRequestArrivesWithItsMethodHeadersAndBodyAndTheAnswerComesBackWhole() throws Exception {
        HttpResponse<byte[]> answer = transport.send(HttpRequest.newBuilder(URI.create(base + "/echo"))
                .header("Authorization", "Bearer a-key").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"a fox\"}")).build()).get();

        assertThat(seen).containsEntry("method", "POST").containsEntry("authorization", "Bearer a-key")
                .containsEntry("contentType", "application/json").containsEntry("body", "{\"prompt\":\"a fox\"}");
        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("{\"code\":0}");
        assertThat(answer.headers().firstValue("retry-after")).contains("7");
    }

    @Test
    void aRequestLongerThanItsTimeoutFailsAsTheJdkSays() {
        assertThatThrownBy(() -> transport.send(HttpRequest.newBuilder(URI.create(base + "/slow"))
                .timeout(Duration.ofMillis(200)).GET().build()).get())
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(HttpTimeoutException.class)
                .hasMessageContaining("200 ms");
    }

    @Test
    void aRefusedConnectionIsAConnectException() {
        assertThatThrownBy(() -> transport.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:1/x")).GET().build()).get())
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(java.net.ConnectException.class);
    }

    @Test
    void aDownloadIsWrittenIntoItsFileAndARedirectOrAnOversizeIsReportedWithoutWriting(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("video.part");

        DownloadAnswer saved = transport.download(URI.create(base + "/video.mp4"), file, 10L << 20, bytes -> { }).get();
        DownloadAnswer moved = transport.download(URI.create(base + "/moved"), dir.resolve("moved.part"), 10L << 20, bytes -> { }).get();

        assertThat(saved).isEqualTo(new DownloadAnswer.Saved(3 * 1024 * 1024 + 17, "video/mp4"));
        assertThat(Files.size(file)).isEqualTo(3 * 1024 * 1024 + 17);
        assertThat(Files.readAllBytes(file)[4]).isEqualTo((byte) 'f');
        assertThat(moved).isEqualTo(new DownloadAnswer.Moved(302, "/video.mp4"));
        assertThat(dir.resolve("moved.part")).doesNotExist();
        assertThatThrownBy(() -> transport.download(URI.create(base + "/video.mp4"), dir.resolve("big.part"), 1024, bytes -> { }).get())
                .hasCauseInstanceOf(BodyTooLargeException.class);
        assertThat(dir.resolve("big.part")).as("refused from the declared length, before any byte").doesNotExist();
    }

    @Test
    void httpsRefusesACertificateTheJvmDoesNotTrust(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(keystore.toFile())) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(managers.getKeyManagers(), null, null);
        HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        https.createContext("/echo", exchange -> {
            seen.put("reached", "yes");
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        https.start();
        try {
            URI uri = URI.create("https://127.0.0.1:" + https.getAddress().getPort() + "/echo");

            assertThatThrownBy(() -> transport.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer a-key")
                    .timeout(Duration.ofSeconds(5)).GET().build()).get())
                    .isInstanceOf(ExecutionException.class).hasStackTraceContaining("SSLHandshakeException")
                    .hasStackTraceContaining("PKIX path building failed");
            assertThat(seen).as("no request reached the server, so no key left the client").doesNotContainKey("reached");
        } finally {
            https.stop(0);
        }
    }
}

package io.camelvideo.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.camelvideo.emulator.faults.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.camelvideo.emulator.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Fault knobs, the request journal, callbacks and the admin API, on real time at high speed. */
class FaultInjectionTest {

    private static final String T2V = "/v1/videos/text2video";

    private Emulator emulator;
    private TestHttp http;

    @BeforeEach
    void start() {
        emulator = Emulator.start(new EmulatorSettings().speed(1000));
        http = new TestHttp(emulator.baseUrl());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private String auth() {
        return bearer(Emulator.defaultJwt());
    }

    @Test
    void statusFaultAnswersTheApisErrorBodyWithRetryAfterAndThenStops() throws Exception {
        emulator.inject(Fault.status(429, 1302).on("GET", T2V).retryAfter(3).times(2).build());

        TestHttp.Reply first = http.get(T2V, "Authorization", auth());
        TestHttp.Reply second = http.get(T2V, "Authorization", auth());
        TestHttp.Reply third = http.get(T2V, "Authorization", auth());

        assertThat(first.status()).isEqualTo(429);
        assertThat(first.header("Retry-After")).isEqualTo("3");
        assertThat(first.json().get("code").asInt()).isEqualTo(1302);
        assertThat(second.status()).isEqualTo(429);
        assertThat(third.status()).isEqualTo(200);
        assertThat(emulator.journal().count("GET", T2V)).isEqualTo(3);
    }

    @Test
    void serverErrorBeforeProcessingCreatesNoTask() throws Exception {
        emulator.inject(Fault.status(503, 5001).on("POST", T2V).build());

        TestHttp.Reply reply = http.post(T2V, "{\"prompt\":\"p\",\"external_task_id\":\"x1\"}", "Authorization", auth());

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json().get("code").asInt()).isEqualTo(5001);
        assertThat(http.get(T2V + "/x1", "Authorization", auth()).status()).isEqualTo(404);
    }

    @Test
    void droppedConnectionAfterAcceptedCreateLeavesTheTaskInPlace() throws Exception {
        emulator.inject(Fault.of(Fault.Type.DROP).on("POST", T2V).afterProcessing().build());

        assertThatThrownBy(() -> http.post(T2V, "{\"prompt\":\"p\",\"external_task_id\":\"dropped-1\"}", "Authorization", auth()))
                .isInstanceOf(IOException.class);
        TestHttp.Reply lookup = http.get(T2V + "/dropped-1", "Authorization", auth());

        assertThat(lookup.status()).isEqualTo(200);
        assertThat(lookup.json().at("/data/task_info/external_task_id").asText()).isEqualTo("dropped-1");
        assertThat(emulator.journal().matching(r -> r.method().equals("POST") && r.bodyText().contains("dropped-1")))
                .singleElement().satisfies(r -> assertThat(r.responseStatus()).isEqualTo(-1));
    }

    @Test
    void malformedAndTruncatedJsonAreNotJson() throws Exception {
        emulator.inject(Fault.of(Fault.Type.MALFORMED_JSON).on("GET", T2V).build());
        emulator.inject(Fault.of(Fault.Type.TRUNCATED_JSON).on("GET", T2V).build());

        TestHttp.Reply malformed = http.get(T2V, "Authorization", auth());
        TestHttp.Reply truncated = http.get(T2V, "Authorization", auth());

        assertThat(malformed.status()).isEqualTo(200);
        assertThatThrownBy(() -> TestHttp.MAPPER.readTree(malformed.bytes())).isInstanceOf(IOException.class);
        assertThat(truncated.text()).startsWith("{\"code\":0");
        assertThatThrownBy(() -> TestHttp.MAPPER.readTree(truncated.bytes())).isInstanceOf(IOException.class);
    }

    @Test
    void timedFaultPlaysOnEveryRequestUntilItsTimeIsOverAndProcessesCreatesWhenAfter() throws Exception {
        emulator.inject(Fault.status(503, 5001).on("POST", T2V).afterProcessing().forMillis(800).build());

        TestHttp.Reply first = http.post(T2V, "{\"prompt\":\"p\",\"external_task_id\":\"storm-1\"}", "Authorization", auth());
        TestHttp.Reply second = http.post(T2V, "{\"prompt\":\"p\",\"external_task_id\":\"storm-2\"}", "Authorization", auth());
        long deadline = System.currentTimeMillis() + 5_000;
        TestHttp.Reply after;
        int n = 3;
        do {
            after = http.post(T2V, "{\"prompt\":\"p\",\"external_task_id\":\"storm-" + n++ + "\"}", "Authorization", auth());
        } while (after.status() == 503 && System.currentTimeMillis() < deadline);

        assertThat(first.status()).isEqualTo(503);
        assertThat(second.status()).isEqualTo(503);
        assertThat(after.status()).isEqualTo(200);
        // each create answered 503 was processed all the same: the tasks exist
        assertThat(http.get(T2V + "/storm-1", "Authorization", auth()).status()).isEqualTo(200);
        assertThat(http.get(T2V + "/storm-2", "Authorization", auth()).status()).isEqualTo(200);
        assertThat(emulator.faults().pending()).isEmpty();
    }

    @Test
    void lateFaultProcessesTheCreateOnlyAfterItsDelay() throws Exception {
        emulator.inject(Fault.of(Fault.Type.LATE).on("POST", T2V).delayMillis(1_000).build());
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();

        assertThatThrownBy(() -> client.send(http.request(T2V, "Authorization", auth()).timeout(java.time.Duration.ofMillis(200))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"prompt\":\"p\",\"external_task_id\":\"late-1\"}"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(java.net.http.HttpTimeoutException.class);
        assertThat(http.get(T2V + "/late-1", "Authorization", auth()).status()).as("not landed yet").isEqualTo(404);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> http.get(T2V + "/late-1", "Authorization", auth()).status() == 200);
    }

    @Test
    void delayFaultHoldsTheAnswer() throws Exception {
        emulator.inject(Fault.of(Fault.Type.DELAY).on("GET", T2V).delayMillis(1500).build());
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();

        assertThatThrownBy(() -> client.send(http.request(T2V, "Authorization", auth())
                        .timeout(java.time.Duration.ofMillis(300)).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(java.net.http.HttpTimeoutException.class);
    }

    @Test
    void faultsCanBeAddedAndSettingsChangedOverTheAdminApi() throws Exception {
        TestHttp.Reply added = http.post("/__emulator/faults",
                "{\"type\":\"status\",\"status\":500,\"code\":5000,\"method\":\"GET\",\"path\":\"/v1/\",\"count\":1}");
        http.send(http.request("/__emulator/settings").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                "{\"klingConcurrency\":1}")));

        TestHttp.Reply failed = http.get(T2V, "Authorization", auth());
        http.post(T2V, "{\"prompt\":\"1\"}", "Authorization", auth());
        TestHttp.Reply limited = http.post(T2V, "{\"prompt\":\"2\"}", "Authorization", auth());
        http.get(T2V + "?pageNum=1&pageSize=500", "Authorization", auth());
        JsonNode recorded = http.get("/__emulator/requests").json();
        JsonNode stats = http.get("/__emulator/stats").json();

        assertThat(added.status()).isEqualTo(201);
        assertThat(stats.get("gets").asInt()).isEqualTo(2);
        assertThat(stats.get("pageGets").asInt()).as("the list page, not the failed GET").isEqualTo(1);
        assertThat(stats.get("posts").asInt()).isEqualTo(2);
        assertThat(failed.status()).isEqualTo(500);
        assertThat(limited.json().get("code").asInt()).isEqualTo(1303);
        assertThat(recorded).hasSize(4);
        assertThat(recorded.get(0).get("fault").asText()).contains("STATUS 500/5000");
        assertThat(http.post("/__emulator/reset", "").status()).isEqualTo(204);
        assertThat(http.get("/__emulator/requests").json()).isEmpty();
    }

    @Test
    void klingPostsTheBareTaskObjectOnEveryStatusChange() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = receiver(received);
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook?token=abc";
            http.post(T2V, "{\"prompt\":\"p\",\"callback_url\":\"" + url + "\"}", "Authorization", auth());

            await().atMost(java.time.Duration.ofSeconds(10)).until(() -> received.size() >= 3);
            List<JsonNode> bodies = received.stream().map(FaultInjectionTest::json).toList();

            // sent asynchronously, so (like the real service's) they may arrive out of order
            assertThat(bodies).extracting(b -> b.get("task_status").asText())
                    .containsExactlyInAnyOrder("submitted", "processing", "succeed");
            assertThat(bodies).allSatisfy(b -> assertThat(b.has("code")).isFalse());
            assertThat(bodies).filteredOn(b -> b.get("task_status").asText().equals("succeed"))
                    .singleElement().satisfies(b -> assertThat(b.at("/task_result/videos/0/url").asText()).contains("/cdn/"));
            assertThat(emulator.callbacks().deliveries()).allSatisfy(d -> assertThat(d.status()).isEqualTo(200));
        } finally {
            receiver.stop(0);
        }
    }

    static HttpServer receiver(List<String> received) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    static JsonNode json(String text) {
        try {
            return TestHttp.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(text, e);
        }
    }
}

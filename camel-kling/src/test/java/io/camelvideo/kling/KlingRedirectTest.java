package io.camelvideo.kling;

import com.sun.net.httpserver.HttpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials stay with the API's origin: a redirect answered by the API base URL is not followed
 * (the JDK client would send the JWT or key along), while a result download follows http(s)
 * redirects with no credential on any hop.
 */
class KlingRedirectTest {

    private static final String API_KEY = "gateway-key-never-elsewhere";

    private HttpServer api;
    private HttpServer elsewhere;
    private final List<Map<String, List<String>>> seenElsewhere = new CopyOnWriteArrayList<>();
    private CamelContext context;

    @BeforeEach
    void start() throws Exception {
        elsewhere = server();
        elsewhere.createContext("/", exchange -> {
            seenElsewhere.add(Map.copyOf(exchange.getRequestHeaders()));
            byte[] body = exchange.getRequestURI().getPath().endsWith(".mp4")
                    ? "....ftypisom-video".getBytes(StandardCharsets.US_ASCII)
                    : "{\"code\":0,\"message\":\"SUCCEED\",\"data\":{\"task_id\":\"x\",\"task_status\":\"submitted\"}}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        elsewhere.start();
        api = server();
        api.start();
        context = new DefaultCamelContext();
        KlingComponent kling = new KlingComponent();
        kling.getConfiguration().setBaseUrl("http://127.0.0.1:" + api.getAddress().getPort());
        kling.getConfiguration().setApiKey(API_KEY);
        kling.getConfiguration().setMaxRetries(0);
        context.addComponent("kling", kling);
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                // a download is deleted when its exchange completes: read it inside the route
                from("direct:download").to("kling:text2video?operation=download").convertBodyTo(byte[].class);
            }
        });
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
        api.stop(0);
        elsewhere.stop(0);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {307, 302})
    void anApiRedirectIsNotFollowedAndTheKeyGoesNowhereElse(int status) {
        api.createContext("/", exchange -> {
            drain(exchange.getRequestBody());
            exchange.getResponseHeaders().set("Location", "http://127.0.0.1:" + elsewhere.getAddress().getPort()
                    + exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });

        Exchange create = context.createProducerTemplate().send("kling:text2video?submitRecoveryTimeout=100",
                e -> e.getMessage().setBody("a fox"));
        Exchange status0 = context.createProducerTemplate().send("kling:text2video?operation=status",
                e -> e.getMessage().setHeader(KlingConstants.TASK_ID, "42"));

        assertThat(create.getException()).isNotNull().hasMessageContaining(String.valueOf(status));
        assertThat(status0.getException()).isNotNull().hasMessageContaining(String.valueOf(status));
        assertThat(seenElsewhere).as("requests that reached the other origin").isEmpty();
        assertThat(String.valueOf(create.getException())).doesNotContain(API_KEY);
    }

    @Test
    void aDownloadFollowsRedirectsWithoutCredentials() throws Exception {
        String media = "http://127.0.0.1:" + elsewhere.getAddress().getPort() + "/cdn/video.mp4";
        HttpServer redirector = server();
        redirector.createContext("/", exchange -> {
            seenElsewhere.add(Map.copyOf(exchange.getRequestHeaders()));
            exchange.getResponseHeaders().set("Location", media);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        redirector.start();
        String firstHop = "http://127.0.0.1:" + redirector.getAddress().getPort() + "/signed/video.mp4";
        answerSucceededTask(firstHop);
        try {
            Exchange out = context.createProducerTemplate().send("direct:download", e -> {
                e.getMessage().setHeader(KlingConstants.TASK_ID, "42");
            });
            assertThat(out.getException()).isNull();
            byte[] bytes = out.getMessage().getBody(byte[].class);
            assertThat(new String(bytes, StandardCharsets.US_ASCII)).contains("ftyp");
            assertThat(seenElsewhere).hasSize(2).allSatisfy(headers -> {
                assertThat(headers.keySet()).noneMatch(name -> name.equalsIgnoreCase("Authorization"));
                assertThat(headers.toString()).doesNotContain(API_KEY);
            });
        } finally {
            redirector.stop(0);
        }
    }

    @Test
    void aDownloadRedirectedOutOfHttpIsRefusedWithTheReasonNotAnExpiry() throws Exception {
        HttpServer redirector = server();
        redirector.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Location", "file:///etc/passwd");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        redirector.start();
        String firstHop = "http://127.0.0.1:" + redirector.getAddress().getPort() + "/signed/video.mp4";
        answerSucceededTask(firstHop);
        try {
            Exchange out = context.createProducerTemplate().send("direct:download",
                    e -> e.getMessage().setHeader(KlingConstants.TASK_ID, "42"));

            assertThat(out.getException()).hasMessageContaining("redirected").hasMessageContaining("file:///etc/passwd")
                    .hasMessageContaining("not followed").hasMessageNotContaining("30 days");
        } finally {
            redirector.stop(0);
        }
    }

    /** The API answers every query with task 42, succeeded, its video at {@code videoUrl}. */
    private void answerSucceededTask(String videoUrl) {
        api.createContext("/", exchange -> {
            byte[] body = ("{\"code\":0,\"message\":\"SUCCEED\",\"data\":{\"task_id\":\"42\",\"task_status\":\"succeed\","
                    + "\"created_at\":1,\"updated_at\":2,\"task_result\":{\"videos\":[{\"id\":\"v1\",\"url\":\"" + videoUrl
                    + "\",\"duration\":\"5\"}]}}}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    private static HttpServer server() throws IOException {
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
    }

    private static void drain(InputStream in) throws IOException {
        in.readAllBytes();
    }
}

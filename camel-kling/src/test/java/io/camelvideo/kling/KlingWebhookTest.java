package io.camelvideo.kling;

import io.camelvideo.kling.model.KlingTask;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Callbacks received on platform-http: per-task tokens, a confirming GET, duplicates ignored, forged
 * ones refused, and polling as the fallback when callbacks are lost. Polling is slowed to 30 s here,
 * so a task finishing within seconds proves the callback path.
 */
class KlingWebhookTest extends KlingTestSupport {

    private static final int PORT = freePort();
    private static final String WEBHOOKS = "http://127.0.0.1:" + PORT + "/webhooks/kling";

    private final List<Exchange> delivered = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    void configure(KlingComponent kling) {
        kling.setWebhookUrl(WEBHOOKS);
        kling.setWebhookSecret("test-webhook-secret");
        kling.getConfiguration().setPollInterval(30_000);
        kling.getConfiguration().setMaxPollInterval(30_000);
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(PORT);
        try {
            context.addService(new VertxPlatformHttpServer(server));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("platform-http:/webhooks/kling/{token}?httpMethodRestrict=POST").process("klingWebhookReceiver");
                from("kling:text2video?delay=20").process(e -> delivered.add(e.copy()));
            }
        };
    }

    @AfterEach
    void calmEmulator() {
        emulator.settings().dropCallbacks(false).duplicateCallbacks(false).speed(1000);
    }

    @Test
    void callbacksDeliverTrackedTasksLongBeforeTheNextPollAndDuplicatesChangeNothing() throws Exception {
        emulator.settings().duplicateCallbacks(true);

        Exchange created = send("kling:text2video", "a fox");

        String sent = emulator.journal().matching(r -> r.method().equals("POST")).get(0).bodyText();
        assertThat(sent).contains("\"callback_url\":\"" + WEBHOOKS + "/text2video.");
        await().atMost(Duration.ofSeconds(10)).until(() -> !delivered.isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> context.getComponent("kling", KlingComponent.class).ledger()
                .counts("kling:text2video").get(io.camelvideo.task.ledger.TrackedTask.State.DELIVERED) == 1L);
        assertThat(delivered).singleElement().satisfies(e ->
                assertThat(e.getMessage().getHeader(KlingConstants.TASK_ID)).isEqualTo(created.getMessage().getHeader(KlingConstants.TASK_ID)));
        assertThat(emulator.callbacks().deliveries()).hasSizeGreaterThanOrEqualTo(6)
                .allSatisfy(d -> assertThat(d.status()).isEqualTo(200));
        String taskId = created.getMessage().getHeader(KlingConstants.TASK_ID, String.class);
        assertThat(getsOf(taskId)).as("one confirming GET, for the end; callbacks of a running task, repeats and callbacks "
                + "after the end are free").isEqualTo(1);
    }

    @Test
    void aCallbackWakesAWaitingProducer() {
        Exchange out = send("kling:text2video?waitForCompletion=true", "a fox");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(KlingTask.class).isSucceeded()).isTrue();
    }

    @Test
    void forgedCallbacksAreRefusedOrDisbelievedAndRepeatsCostNothing() throws Exception {
        emulator.settings().speed(1).dropCallbacks(true); // the tasks stay running for a minute; only forged callbacks come
        String taskId = send("kling:text2video", "a slow fox").getMessage().getHeader(KlingConstants.TASK_ID, String.class);
        String otherId = send("kling:text2video", "another slow fox").getMessage().getHeader(KlingConstants.TASK_ID, String.class);
        String tokenOfTask = callbackUrlSentFor("a slow fox");
        String fakeSucceed = "{\"task_id\":\"" + taskId + "\",\"task_status\":\"succeed\",\"task_result\":{\"videos\":[]}}";
        String fakeOther = fakeSucceed.replace(taskId, otherId);
        String signedButUnknown = WEBHOOKS + "/" + ((KlingComponent) context.getComponent("kling")).webhookTokens()
                .issue("text2video", "000000000000", "camel-0000000000000000000000000000000000000000");

        HttpResponse<String> forgedToken = post(WEBHOOKS + "/text2video.camel-00112233.forged", fakeSucceed);
        HttpResponse<String> tokenOfAnotherTask = post(tokenOfTask, fakeOther);
        HttpResponse<String> unknownSubmit = post(signedButUnknown, fakeOther);
        HttpResponse<String> forgedContent = post(tokenOfTask, fakeSucceed);
        HttpResponse<String> repeated = post(tokenOfTask, fakeSucceed);
        await().atMost(Duration.ofSeconds(10)).until(() -> getsOf(taskId) >= 1); // the confirmation runs after the answer
        // a second GET would have been started before the repeat's answer: a short settle shows none came
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> getsOf(taskId) == 1);

        assertThat(forgedToken.statusCode()).isEqualTo(404);
        assertThat(tokenOfAnotherTask.statusCode()).as("a token confirms only its own task").isEqualTo(404);
        assertThat(unknownSubmit.statusCode()).isEqualTo(404);
        assertThat(getsOf(otherId)).as("refused callbacks cost no API call").isZero();
        assertThat(forgedContent.statusCode()).isEqualTo(200);
        assertThat(repeated.statusCode()).isEqualTo(200);
        assertThat(getsOf(taskId)).as("the forged content was checked with one GET; its repeat cost nothing").isEqualTo(1);
        assertThat(delivered).isEmpty();
    }

    @Test
    void aCallbackReachesTheAccountOfTheEndpointThatCreatedTheTask() {
        // other account settings than the component's: its own account, poller and credentials
        Exchange out = send("kling:text2video?waitForCompletion=true&requestTimeout=59s&completionTimeout=15s", "a fox");

        assertThat(out.getException()).as("woken by the callback, not by the poller (30 s)").isNull();
        assertThat(out.getMessage().getBody(KlingTask.class).isSucceeded()).isTrue();
    }

    @Test
    void lostCallbacksLeaveItToThePoller() {
        emulator.settings().dropCallbacks(true);

        Exchange out = send("kling:text2video?waitForCompletion=true&pollInterval=50&maxPollInterval=100", "a fox");

        assertThat(out.getException()).isNull();
        String taskId = out.getMessage().getHeader(KlingConstants.TASK_ID, String.class);
        // this task's callbacks only: one of an earlier test's may be recorded after the emulator's reset
        assertThat(emulator.callbacks().deliveries()).noneSatisfy(delivery -> assertThat(delivery.body()).contains(taskId));
    }

    /** The callback URL the create of {@code prompt} carried. */
    private String callbackUrlSentFor(String prompt) throws Exception {
        String sent = emulator.journal().matching(r -> r.method().equals("POST") && r.bodyText().contains(prompt)).get(0).bodyText();
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(sent).get("callback_url").asText();
    }

    private long getsOf(String taskId) {
        return emulator.journal().matching(r -> r.method().equals("GET") && r.path().endsWith("/" + taskId)).size();
    }

    private HttpResponse<String> post(String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.camelvideo.legnext;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Legnext's {timestamp, data} callbacks on platform-http deliver a tracked job long before the (30 s) next poll. */
class LegnextWebhookTest extends LegnextTestSupport {

    private static final int PORT = freePort();

    private final List<Exchange> delivered = new CopyOnWriteArrayList<>();

    @Override
    void configure(LegnextComponent legnext) {
        legnext.setWebhookUrl("http://127.0.0.1:" + PORT + "/webhooks/legnext");
        legnext.getConfiguration().setPollInterval(30_000);
        legnext.getConfiguration().setMaxPollInterval(30_000);
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
                from("platform-http:/webhooks/legnext/{token}?httpMethodRestrict=POST").process(LegnextComponent.WEBHOOK_RECEIVER);
                from("legnext:diffusion?delay=20").process(e -> delivered.add(e.copy()));
            }
        };
    }

    @Test
    void theCallbackDeliversTheJob() throws Exception {
        String jobId = send("legnext:diffusion", "a cat").getMessage().getHeader(LegnextConstants.JOB_ID, String.class);

        await().atMost(Duration.ofSeconds(10)).until(() -> !delivered.isEmpty());
        assertThat(delivered).singleElement().satisfies(e -> {
            assertThat(e.getMessage().getHeader(LegnextConstants.JOB_ID)).isEqualTo(jobId);
            assertThat(e.getMessage().getHeader(LegnextConstants.JOB_STATUS)).isEqualTo("completed");
        });
        assertThat(emulator.journal().matching(r -> r.method().equals("POST")).get(0).bodyText())
                .contains("\"callback\":\"http://127.0.0.1:" + PORT + "/webhooks/legnext/diffusion.");
        assertThat(emulator.callbacks().deliveries()).singleElement().satisfies(d -> assertThat(d.status()).isEqualTo(200));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

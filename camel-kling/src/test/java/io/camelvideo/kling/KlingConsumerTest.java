package io.camelvideo.kling;

import io.camelvideo.kling.model.KlingTask;
import io.camelvideo.task.ledger.TrackedTask;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** from("kling:<kind>") over the default (in-memory) ledger. */
class KlingConsumerTest extends KlingTestSupport {

    private final List<Exchange> delivered = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    @Override
    RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("kling:text2video?delay=20").routeId("finished")
                        .process(exchange -> {
                            if (exchange.getMessage().getHeader("Flaky") != null && failuresLeft.getAndDecrement() > 0) {
                                throw new IllegalStateException("downstream is down");
                            }
                            delivered.add(exchange.copy());
                        });
                from("kling:image2video?delay=20&onlyStatus=succeed&download=true").routeId("succeeded-only")
                        .process(exchange -> {
                            exchange.getMessage().setBody(exchange.getMessage().getBody(byte[].class));
                            delivered.add(exchange.copy());
                        });
            }
        };
    }

    @Test
    void everyTrackedTaskIsDeliveredOnceWithItsCorrelationHeaders() {
        for (int i = 0; i < 5; i++) {
            send("kling:text2video", "fox " + i, Exchange.FILE_NAME, "prompt-" + i + ".txt", "Unrelated", "x");
        }
        send("kling:text2video", "a [fail] fox", Exchange.FILE_NAME, "bad.txt");

        await().atMost(Duration.ofSeconds(20)).until(() -> delivered.size() >= 6);
        awaitLedgerSettled("kling:text2video", 6);

        assertThat(delivered).hasSize(6);
        assertThat(delivered).extracting(e -> e.getMessage().getHeader(Exchange.FILE_NAME))
                .containsExactlyInAnyOrder("prompt-0.txt", "prompt-1.txt", "prompt-2.txt", "prompt-3.txt", "prompt-4.txt", "bad.txt");
        assertThat(delivered).allSatisfy(e -> assertThat(e.getMessage().getHeader("Unrelated")).isNull());
        Exchange failed = delivered.stream().filter(e -> "bad.txt".equals(e.getMessage().getHeader(Exchange.FILE_NAME)))
                .findFirst().orElseThrow();
        assertThat(failed.getMessage().getHeader(KlingConstants.TASK_STATUS)).isEqualTo("failed");
        assertThat(failed.getMessage().getHeader(KlingConstants.TASK_STATUS_MESSAGE, String.class)).contains("risk control");
        Exchange ok = delivered.stream().filter(e -> "prompt-0.txt".equals(e.getMessage().getHeader(Exchange.FILE_NAME)))
                .findFirst().orElseThrow();
        assertThat(ok.getMessage().getHeader(KlingConstants.VIDEO_URL, String.class)).endsWith(".mp4");
        assertThat(ok.getMessage().getBody(KlingTask.class).isSucceeded()).isTrue();
    }

    @Test
    void aTaskWhoseRouteFailsIsOfferedAgainAndNeverAfterSuccess() {
        failuresLeft.set(2);

        send("kling:text2video?trackedHeaders=CamelFileName,Fla*", "fox", "Flaky", "yes", Exchange.FILE_NAME, "flaky.txt");

        await().atMost(Duration.ofSeconds(20)).until(() -> !delivered.isEmpty());
        awaitLedgerSettled("kling:text2video", 1);
        assertThat(failuresLeft.get()).isLessThan(0);
        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0).getMessage().getHeader(Exchange.FILE_NAME)).isEqualTo("flaky.txt");
    }

    @Test
    void onlyStatusFiltersAndDownloadStreamsTheVideo() {
        send("kling:image2video?image=https://example.com/a.png", "ok", Exchange.FILE_NAME, "good.png");
        send("kling:image2video?image=https://example.com/b.png", "[fail]", Exchange.FILE_NAME, "bad.png");

        await().atMost(Duration.ofSeconds(20)).until(() -> !delivered.isEmpty());
        awaitLedgerSettled("kling:image2video", 2); // the failed one is acknowledged without an exchange

        assertThat(delivered).singleElement().satisfies(e -> {
            assertThat(e.getMessage().getHeader(KlingConstants.TASK_STATUS)).isEqualTo("succeed");
            assertThat(new String(e.getMessage().getBody(byte[].class), 4, 4)).isEqualTo("ftyp");
            assertThat(e.getMessage().getHeader(Exchange.FILE_NAME, String.class)).endsWith(".mp4");
        });
    }

    @Test
    void waitedTasksAndUntrackedTasksAreNotDeliveredAgain() {
        send("kling:text2video?waitForCompletion=true", "waited");
        send("kling:text2video?trackTasks=false", "untracked");

        // the consumer delivers only what the ledger tracks, and the ledger tracks neither
        assertThat(context.getComponent("kling", KlingComponent.class).ledger().counts("kling:text2video").values())
                .allMatch(count -> count == 0);
        assertThat(delivered).isEmpty();
    }

    /**
     * Waits until the ledger holds {@code delivered} delivered tasks of {@code scope} and nothing else: no task
     * left to offer, so no delivery can follow (delivered tasks are never offered again).
     */
    private void awaitLedgerSettled(String scope, long delivered) {
        await().atMost(Duration.ofSeconds(20)).until(() -> context.getComponent("kling", KlingComponent.class).ledger()
                .counts(scope).equals(java.util.Map.of(TrackedTask.State.PENDING, 0L, TrackedTask.State.FINISHED, 0L,
                        TrackedTask.State.DELIVERED, delivered, TrackedTask.State.DEAD, 0L)));
    }
}

package io.camelvideo.legnext;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** from("legnext:<operation>") over the shared ledger and poller: each tracked job once, headers restored. */
class LegnextConsumerTest extends LegnextTestSupport {

    private final List<Exchange> delivered = new CopyOnWriteArrayList<>();

    @Override
    RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("legnext:diffusion?delay=20").process(e -> delivered.add(e.copy()));
            }
        };
    }

    @Test
    void everyTrackedJobIsDeliveredOnceWithItsCorrelationHeaders() {
        for (int i = 0; i < 4; i++) {
            send("legnext:diffusion", "cat " + i, Exchange.FILE_NAME, "cat-" + i + ".txt");
        }
        send("legnext:diffusion", "a [fail] cat", Exchange.FILE_NAME, "bad.txt");

        await().atMost(Duration.ofSeconds(20)).until(() -> delivered.size() >= 5);
        // nothing left in the ledger to offer: no delivery can follow
        await().atMost(Duration.ofSeconds(20)).until(() -> context.getComponent("legnext", LegnextComponent.class).ledger()
                .counts("legnext:diffusion").get(io.camelvideo.task.ledger.TrackedTask.State.DELIVERED) == 5L);
        assertThat(context.getComponent("legnext", LegnextComponent.class).ledger().counts("legnext:diffusion"))
                .containsEntry(io.camelvideo.task.ledger.TrackedTask.State.FINISHED, 0L)
                .containsEntry(io.camelvideo.task.ledger.TrackedTask.State.PENDING, 0L);

        assertThat(delivered).hasSize(5);
        assertThat(delivered).extracting(e -> e.getMessage().getHeader(Exchange.FILE_NAME))
                .containsExactlyInAnyOrder("cat-0.txt", "cat-1.txt", "cat-2.txt", "cat-3.txt", "bad.txt");
        assertThat(delivered).filteredOn(e -> "bad.txt".equals(e.getMessage().getHeader(Exchange.FILE_NAME)))
                .singleElement().satisfies(e -> {
                    assertThat(e.getMessage().getHeader(LegnextConstants.JOB_STATUS)).isEqualTo("failed");
                    assertThat(e.getMessage().getHeader(LegnextConstants.ERROR_MESSAGE, String.class)).contains("moderation");
                });
    }
}

package io.camelvideo.kling;

import io.camelvideo.emulator.faults.Fault;
import io.camelvideo.emulator.media.MediaStore;
import io.camelvideo.task.ledger.TrackedTask;
import io.camelvideo.task.tracking.TrackedTaskConsumer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer's delivery step: downloads beside the poll, redelivery with backoff and the same
 * file, and the dead state after the last attempt.
 */
class KlingDeliveryTest extends KlingTestSupport {

    @TempDir
    Path spool;

    private final List<Exchange> attempts = new CopyOnWriteArrayList<>();
    private final List<Exchange> dead = new CopyOnWriteArrayList<>();
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private final List<String> handled = new CopyOnWriteArrayList<>();

    @Override
    void configure(KlingComponent kling) {
        context.getStreamCachingStrategy().setSpoolDirectory(spool.toFile());
        context.getRegistry().bind("failures", new ExceptionHandler() {
            @Override
            public void handleException(Throwable exception) {
                handleException(null, null, exception);
            }

            @Override
            public void handleException(String message, Throwable exception) {
                handleException(message, null, exception);
            }

            @Override
            public void handleException(String message, Exchange exchange, Throwable exception) {
                handled.add(message + " | exchange " + (exchange != null) + " | " + exception.getMessage());
            }
        });
    }

    @Override
    RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // a delivery route that always fails (a downstream system that rejects the file)
                from("kling:text2video?delay=20&download=true&maxDeliveryAttempts=3&deliveryRetryDelay=50"
                        + "&deadLetterUri=direct:dead").routeId("poison")
                        .process(exchange -> {
                            exchange.getMessage().setHeader("BytesSeen", exchange.getMessage().getBody(byte[].class).length);
                            attempts.add(exchange.copy());
                            throw new IllegalStateException("downstream rejects the file");
                        });
                from("direct:dead").routeId("dead")
                        .process(exchange -> {
                            exchange.getMessage().setHeader("BytesSeen", exchange.getMessage().getBody(byte[].class).length);
                            dead.add(exchange.copy());
                        });
                from("kling:image2video?delay=20&download=true&maxDeliveryAttempts=2&deliveryRetryDelay=50"
                        + "&exceptionHandler=#failures")
                        .routeId("poison-no-dead-letter")
                        .process(exchange -> {
                            throw new IllegalStateException("nobody takes image2video videos");
                        });
                from("kling:extend?delay=20&download=true").routeId("fine")
                        .process(exchange -> delivered.add(exchange.getMessage().getHeader(KlingConstants.TASK_ID, String.class)));
            }
        };
    }

    @Test
    void aPoisonDeliveryIsRetriedWithBackoffOnTheSameFileThenSentToTheDeadLetterEndpointOnce() throws Exception {
        Exchange created = send("kling:text2video", "a fox", Exchange.FILE_NAME, "fox.txt");
        String taskId = created.getMessage().getHeader(KlingConstants.TASK_ID, String.class);

        await().atMost(Duration.ofSeconds(20)).until(() -> dead.size() == 1);

        assertThat(attempts).hasSize(3);
        assertThat(attempts).extracting(e -> e.getMessage().getHeader(Exchange.REDELIVERY_COUNTER))
                .containsExactly(null, 1, 2);
        assertThat(attempts).allSatisfy(e -> assertThat(e.getMessage().getHeader("BytesSeen", Integer.class)).isGreaterThan(0));
        assertThat(requests("GET", MediaStore.PREFIX)).as("the video is downloaded once, not once per attempt").isEqualTo(1);

        Exchange letter = dead.get(0);
        assertThat(letter.getMessage().getHeader(KlingConstants.TASK_ID)).isEqualTo(taskId);
        assertThat(letter.getMessage().getHeader(Exchange.FILE_NAME)).isEqualTo(taskId + ".mp4");
        assertThat(letter.getMessage().getHeader(TrackedTaskConsumer.REDELIVERY_EXHAUSTED)).isEqualTo(true);
        assertThat(letter.getMessage().getHeader("BytesSeen", Integer.class)).isGreaterThan(0);
        assertThat(letter.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)).hasMessageContaining("downstream rejects");
        assertThat(context.getComponent("kling", KlingComponent.class).ledger().counts("kling:text2video"))
                .containsEntry(TrackedTask.State.DEAD, 1L).containsEntry(TrackedTask.State.FINISHED, 0L);

        context.stop();
        try (Stream<Path> left = Files.list(spool)) {
            assertThat(left).as("spool files once the task is dead and the consumer stopped").isEmpty();
        }
    }

    @Test
    void everyFailedDeliveryReachesTheConsumersExceptionHandlerAndTheLastOneSaysTheTaskIsDead() {
        Exchange created = send("kling:image2video?image=https://example.com/a.png", "a fox");
        String taskId = created.getMessage().getHeader(KlingConstants.TASK_ID, String.class);

        await().atMost(Duration.ofSeconds(20)).until(() -> context.getComponent("kling", KlingComponent.class).ledger()
                .counts("kling:image2video").get(TrackedTask.State.DEAD) == 1L);

        assertThat(handled).hasSize(2);
        assertThat(handled.get(0)).startsWith("Delivery 1 of 2 of task " + taskId).contains("offered again in 50 ms")
                .endsWith("| exchange true | nobody takes image2video videos");
        assertThat(handled.get(1)).startsWith("Delivery 2 of 2 of task " + taskId).contains("after 2 attempts")
                .contains("marked dead").contains("deadLetterUri").endsWith("| nobody takes image2video videos");
    }

    @Test
    void byDefaultEachFailedDeliveryIsLoggedAndTheDeadTaskOnce() {
        try (LogCapture log = new LogCapture(Level.WARN, event -> event.getLoggerName().startsWith("io.camelvideo"))) {
            Exchange created = send("kling:text2video", "a fox");
            String taskId = created.getMessage().getHeader(KlingConstants.TASK_ID, String.class);

            await().atMost(Duration.ofSeconds(20)).until(() -> dead.size() == 1);

            assertThat(log.text()).contains("Delivery 1 of 3 of task " + taskId).contains("Delivery 2 of 3 of task " + taskId);
            assertThat(log.text().lines().filter(line -> line.contains("marked dead"))).singleElement()
                    .satisfies(line -> assertThat(line).contains(taskId).contains("3 attempts").contains("direct:dead")
                            .contains("downstream rejects the file"));
        }
    }

    @Test
    void aSlowDownloadDelaysNoOtherDelivery() {
        emulator.inject(Fault.of(Fault.Type.DELAY).on("GET", MediaStore.PREFIX).delayMillis(4_000).times(1).build());
        String parent = send("kling:text2video?waitForCompletion=true", "parent").getMessage()
                .getHeader(KlingConstants.VIDEO_ID, String.class);
        for (int i = 0; i < 6; i++) {
            send("kling:extend", "more " + i, KlingConstants.VIDEO_ID, parent);
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> delivered.size() >= 5);
        assertThat(delivered).as("five files delivered while the first download still hangs").hasSize(5);
        await().atMost(Duration.ofSeconds(20)).until(() -> delivered.size() == 6);
    }
}

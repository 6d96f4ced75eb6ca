package io.camelvideo.kling;

import io.camelvideo.emulator.EmulatorSettings;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Status updates: the waiting producer's {@code statusUpdateUri} and the consumer's {@code statusUpdates}
 * route each change of a running task (status, and the gateway's progress), then the end once.
 */
class KlingStatusUpdatesTest extends KlingTestSupport {

    private static final String GATEWAY = "pathPrefix=/kling/v1&apiKey=" + EmulatorSettings.DEFAULT_KLING_API_KEY;

    private final List<Exchange> updates = new CopyOnWriteArrayList<>();
    private final List<Exchange> consumed = new CopyOnWriteArrayList<>();

    @Override
    RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:updates").process(exchange -> updates.add(exchange.copy()));
                from("kling:image2video?initialDelay=0&delay=10&statusUpdates=true&" + GATEWAY).process(exchange -> consumed.add(exchange.copy()));
            }
        };
    }

    @Test
    void aWaitingProducerSendsEachStatusAndProgressChangeThenContinuesOnceWithTheEnd() {
        emulator.settings().speed(100); // a task runs ~0.65 s: checks every 20 ms see its progress move

        Exchange out = send("kling:text2video?waitForCompletion=true&maxPollInterval=20&statusUpdateUri=direct:updates&"
                + GATEWAY, "a lighthouse", Exchange.FILE_NAME, "lighthouse.txt");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(KlingConstants.TASK_STATUS)).isEqualTo("succeed");
        List<String> seen = updates.stream().map(KlingStatusUpdatesTest::statusAndProgress).toList();
        assertThat(seen).as("updates").hasSizeGreaterThanOrEqualTo(3).doesNotHaveDuplicates()
                .allSatisfy(line -> assertThat(line).matches("(submitted|processing) \\d+%"))
                .anySatisfy(line -> assertThat(line).startsWith("processing"));
        assertThat(seen.stream().map(line -> Integer.parseInt(line.replaceAll("\\D", ""))).toList()).isSorted();
        assertThat(updates).allSatisfy(update -> {
            assertThat(update.getMessage().getHeader(Exchange.FILE_NAME)).isEqualTo("lighthouse.txt");
            assertThat(update.getMessage().getHeader(KlingConstants.TASK_ID)).isEqualTo(out.getMessage().getHeader(KlingConstants.TASK_ID));
        });
        assertThat(requests("POST", "/kling/v1/videos/text2video")).isEqualTo(1);
    }

    @Test
    void withoutTheOptionTheWaitSendsNothingBeforeTheEnd() {
        emulator.settings().speed(100);

        Exchange out = send("kling:text2video?waitForCompletion=true&maxPollInterval=20&" + GATEWAY, "a lighthouse");

        assertThat(out.getMessage().getHeader(KlingConstants.TASK_STATUS)).isEqualTo("succeed");
        assertThat(updates).isEmpty();
    }

    @Test
    void theConsumerEmitsEachChangeOfATrackedTaskThenItsEndOnce() {
        emulator.settings().speed(100);

        send("kling:image2video?" + GATEWAY, "a fox", KlingConstants.IMAGE, "https://example.com/fox.png",
                Exchange.FILE_NAME, "fox.txt");

        await().atMost(Duration.ofSeconds(20)).until(() -> consumed.stream()
                .anyMatch(e -> "succeed".equals(e.getMessage().getHeader(KlingConstants.TASK_STATUS))));
        List<String> statuses = consumed.stream().map(KlingStatusUpdatesTest::statusAndProgress).toList();
        assertThat(statuses.get(statuses.size() - 1)).isEqualTo("succeed 100%");
        assertThat(statuses.subList(0, statuses.size() - 1)).as("updates before the end").isNotEmpty().doesNotHaveDuplicates()
                .allSatisfy(line -> assertThat(line).matches("(submitted|processing) \\d+%"));
        assertThat(consumed).allSatisfy(e -> assertThat(e.getMessage().getHeader(Exchange.FILE_NAME)).isEqualTo("fox.txt"));
        assertThat(statuses).filteredOn(line -> line.startsWith("succeed")).hasSize(1);
    }

    private static String statusAndProgress(Exchange exchange) {
        return exchange.getMessage().getHeader(KlingConstants.TASK_STATUS) + " "
                + exchange.getMessage().getHeader(KlingConstants.PROGRESS);
    }
}

package io.camelvideo.kling;

import io.camelvideo.emulator.journal.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A folder of 200 prompts against an account that allows 3 unfinished tasks (refusing the rest
 * atomically with 1303, as the service does): every prompt becomes one delivered video, no input
 * fails, the account never has more than 3 unfinished tasks, and few creates are refused — with the
 * limit configured ({@code maxParallelTasks=3}) and learnt from the refusals (unset).
 */
class KlingParallelLimitTest extends KlingTestSupport {

    private static final int PROMPTS = 200;
    private static final int LIMIT = 3;

    @TempDir
    Path dir;

    private final Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
    private final AtomicInteger failedInputs = new AtomicInteger();
    private int configuredLimit;

    @Override
    void configure(KlingComponent kling) {
        kling.setMaxParallelTasks(configuredLimit);
    }

    @Override
    RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + dir.resolve("in") + "?delay=50&initialDelay=0&readLock=none&maxMessagesPerPoll=500"
                        // idempotent: a file listed by one poll while an earlier exchange was moving it is not read twice
                        + "&idempotent=true")
                        .routeId("files").autoStartup(false)
                        .onCompletion().onFailureOnly().process(e -> failedInputs.incrementAndGet()).end()
                        .to("kling:text2video");
                from("kling:text2video?delay=20").process(e -> delivered.computeIfAbsent(
                        e.getMessage().getHeader(Exchange.FILE_NAME, String.class), f -> new AtomicInteger()).incrementAndGet());
            }
        };
    }

    @ParameterizedTest(name = "maxParallelTasks={0}")
    @ValueSource(ints = {0, LIMIT})
    void everyPromptOfABatchGetsThroughWithinTheLimit(int maxParallelTasks) throws Exception {
        configuredLimit = maxParallelTasks;
        context.stop();
        startCamel(); // again, with the component configured for this run
        emulator.settings().klingConcurrency(LIMIT);
        Files.createDirectories(dir.resolve("in"));
        for (int i = 0; i < PROMPTS; i++) {
            Files.writeString(dir.resolve("in").resolve("prompt-" + i + ".txt"), "a fox, take " + i);
        }

        context.getRouteController().startRoute("files");
        await().atMost(Duration.ofSeconds(120)).until(() -> delivered.size() == PROMPTS);

        List<RecordedRequest> creates = emulator.journal().matching(r -> r.method().equals("POST"));
        long refused = creates.stream().filter(r -> r.responseStatus() == 429).count();
        org.slf4j.LoggerFactory.getLogger(KlingParallelLimitTest.class).info(
                "maxParallelTasks={}: {} prompts, {} creates, {} refused with 1303, at most {} unfinished", maxParallelTasks,
                PROMPTS, creates.size(), refused, emulator.kling().mostUnfinished());
        assertThat(delivered.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(failedInputs).hasValue(0);
        assertThat(emulator.kling().taskCount()).isEqualTo(PROMPTS);
        assertThat(emulator.kling().mostUnfinished()).as("unfinished tasks at the emulator, at most").isLessThanOrEqualTo(LIMIT);
        assertThat(refused).as("creates refused with 1303, of %d", creates.size()).isLessThanOrEqualTo(PROMPTS / 20);
    }
}

package io.camelvideo.kling;

import io.camelvideo.emulator.journal.RecordedRequest;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** 500 pending tasks of one kind are checked with the list endpoint, not 500 single queries per round. */
class KlingListBatchingTest extends KlingTestSupport {

    private static final int TASKS = 500;
    private final Set<String> delivered = ConcurrentHashMap.newKeySet();

    @Override
    RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("kling:text2video?delay=50&pollInterval=200&maxPollInterval=400&maxMessagesPerPoll=500")
                        .routeId("consumer").autoStartup(false)
                        .process(e -> delivered.add(e.getMessage().getHeader(KlingConstants.TASK_ID, String.class)));
            }
        };
    }

    @Test
    void pendingTasksAreResolvedByListPages() throws Exception {
        emulator.settings().speed(40); // ~1.6 s per task
        for (int i = 0; i < TASKS; i++) {
            send("kling:text2video", "fox " + i);
        }
        emulator.journal().clear();

        context.getRouteController().startRoute("consumer");
        await().atMost(Duration.ofSeconds(60)).until(() -> delivered.size() == TASKS);

        List<RecordedRequest> gets = emulator.journal().matching(r -> r.method().equals("GET"));
        long listCalls = gets.stream().filter(r -> r.path().equals("/v1/videos/text2video")).count();
        long singleCalls = gets.size() - listCalls;
        assertThat(gets.stream().filter(r -> r.path().equals("/v1/videos/text2video")))
                .allSatisfy(r -> assertThat(r.query()).containsEntry("pageSize", "500"));
        assertThat(listCalls).isBetween(1L, 40L);
        // single queries only serve rounds where fewer than 10 tasks are due: the tail, whose size depends on how
        // fast the machine submitted the 500 tasks; one query per task would be 500
        assertThat(singleCalls).as("single queries").isLessThan(TASKS / 20);
        double requestsPerTask = (double) gets.size() / TASKS;
        assertThat(requestsPerTask).isLessThan(0.1);
    }
}

package io.camelvideo.kling;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** discoverTasks: tasks made elsewhere are emitted once, tasks older than the first start never. */
class KlingDiscoveryTest extends KlingTestSupport {

    private final List<String> delivered = new CopyOnWriteArrayList<>();

    @Override
    RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("kling:text2video?initialDelay=0&delay=20&discoverTasks=true&pollInterval=50").routeId("discover").autoStartup(false)
                        .process(e -> delivered.add(e.getMessage().getHeader(KlingConstants.EXTERNAL_TASK_ID, String.class)));
            }
        };
    }

    @Test
    void tasksMadeElsewhereAfterTheFirstStartAreEmittedOnce() throws Exception {
        send("kling:text2video?trackTasks=false&externalTaskId=before-start", "old");
        await().pollDelay(Duration.ofMillis(5)).until(() -> true); // the clock moves past the old task's creation
        context.getRouteController().startRoute("discover");
        await().atMost(Duration.ofSeconds(10)).until(() -> listRequests() >= 1); // the first poll sets the watermark

        send("kling:text2video?trackTasks=false&externalTaskId=made-elsewhere", "new");
        send("kling:text2video?externalTaskId=made-here", "tracked");

        await().atMost(Duration.ofSeconds(20)).until(() -> delivered.size() >= 2);
        long listed = listRequests();
        await().atMost(Duration.ofSeconds(10)).until(() -> listRequests() >= listed + 3); // three more discovery rounds
        assertThat(delivered).containsExactlyInAnyOrder("made-elsewhere", "made-here");
    }

    private static long listRequests() {
        return emulator.journal().matching(r -> r.method().equals("GET") && r.path().equals("/v1/videos/text2video")).size();
    }
}

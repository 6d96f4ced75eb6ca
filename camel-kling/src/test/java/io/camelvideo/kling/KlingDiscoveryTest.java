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
        Thread.sleep(20);
        context.getRouteController().startRoute("discover");
        Thread.sleep(300); // the first poll sets the watermark

        send("kling:text2video?trackTasks=false&externalTaskId=made-elsewhere", "new");
        send("kling:text2video?externalTaskId=made-here", "tracked");

        await().atMost(Duration.ofSeconds(20)).until(() -> delivered.size() >= 2);
        Thread.sleep(500);
        assertThat(delivered).containsExactlyInAnyOrder("made-elsewhere", "made-here");
    }
}

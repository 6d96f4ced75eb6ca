package io.camelvideo.kling;

import io.camelvideo.emulator.EmulatorSettings;
import org.apache.camel.builder.RouteBuilder;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What an operator reads at INFO during a run: each task submitted and ended, by id and status, never a key. */
class KlingLifecycleLogTest extends KlingTestSupport {

    private final List<String> delivered = new CopyOnWriteArrayList<>();

    @Override
    RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("kling:image2video?delay=20").process(e -> delivered.add(e.getMessage().getHeader(KlingConstants.TASK_ID,
                        String.class)));
            }
        };
    }

    @Test
    void aWaitAndATrackedTaskLogTheirSubmissionAndTheirEnd() {
        try (LogCapture log = new LogCapture(Level.INFO, event -> event.getLoggerName().startsWith("io.camelvideo"))) {
            String waited = send("kling:text2video?waitForCompletion=true", "a fox").getMessage()
                    .getHeader(KlingConstants.TASK_ID, String.class);
            String tracked = send("kling:image2video?image=https://example.com/a.png", "a cat").getMessage()
                    .getHeader(KlingConstants.TASK_ID, String.class);
            await().atMost(Duration.ofSeconds(20)).until(() -> delivered.contains(tracked));

            assertThat(log.text()).contains("kling:text2video: submitted task " + waited)
                    .contains("kling:text2video: task " + waited + " ended succeed after a wait of")
                    .contains("kling:image2video: submitted task " + tracked)
                    .contains("kling:image2video: task " + tracked + " ended succeed after")
                    .doesNotContain(EmulatorSettings.DEFAULT_SECRET_KEY).doesNotContain(EmulatorSettings.DEFAULT_ACCESS_KEY);
        }
    }
}

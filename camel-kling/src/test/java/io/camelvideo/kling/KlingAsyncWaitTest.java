package io.camelvideo.kling;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** waitForCompletion parks exchanges; it does not hold a thread per waiting task. */
class KlingAsyncWaitTest extends KlingTestSupport {

    private static final int WAITS = 300;

    @Override
    RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:wait").to("kling:text2video?waitForCompletion=true");
            }
        };
    }

    @Test
    void manyConcurrentWaitsShareAFewThreads() throws Exception {
        emulator.settings().speed(60); // a task takes ~1.1 s: long enough to hold all waits at once
        int before = clientThreads();

        List<CompletableFuture<Exchange>> waits = new ArrayList<>();
        for (int i = 0; i < WAITS; i++) {
            String prompt = "fox " + i;
            waits.add(template.asyncSend("direct:wait", exchange -> exchange.getMessage().setBody(prompt)));
        }
        int peak = 0;
        while (waits.stream().anyMatch(w -> !w.isDone())) {
            peak = Math.max(peak, clientThreads());
            Thread.sleep(20);
        }
        CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        for (CompletableFuture<Exchange> wait : waits) {
            assertThat(wait.get().getException()).isNull();
            assertThat(wait.get().getMessage().getHeader(KlingConstants.TASK_STATUS)).isEqualTo("succeed");
        }
        // a thread-per-wait design would need 300 more threads here
        assertThat(peak - before).isLessThan(60);
    }

    /** Live threads of this JVM except the emulator's own server threads. */
    private static int clientThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !t.getName().startsWith("emulator-"))
                .count();
    }
}

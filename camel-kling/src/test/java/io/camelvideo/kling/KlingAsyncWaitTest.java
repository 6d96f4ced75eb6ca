package io.camelvideo.kling;

import io.camelvideo.emulator.journal.RecordedRequest;
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
        // 10 or more waits are swept with list pages: single queries are left for the last few tasks and
        // for a task two sweeps in a row missed (one query per task and round would be over 300)
        List<RecordedRequest> gets = emulator.journal().matching(r -> r.method().equals("GET"));
        long singleQueries = gets.stream().filter(r -> r.path().startsWith("/v1/videos/text2video/")).count();
        assertThat(singleQueries).as("single-task queries for %d waits", WAITS).isLessThan(WAITS / 10);
        assertThat(gets.size() - singleQueries).as("list pages").isPositive();
    }

    /** Live threads of this JVM except the emulator's own server threads. */
    private static int clientThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !t.getName().startsWith("emulator-"))
                .count();
    }
}

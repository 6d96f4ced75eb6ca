package io.camelvideo.task.http;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class RequestWindowTest {

    @Test
    void requestsBeyondTheWindowWaitAndStartInOrderAsPlacesFree() {
        RequestWindow window = new RequestWindow(2, Runnable::run);
        List<CompletableFuture<String>> sent = new ArrayList<>();
        List<CompletableFuture<String>> results = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            results.add(window.submit(() -> {
                CompletableFuture<String> request = new CompletableFuture<>();
                sent.add(request);
                return request;
            }));
        }
        assertThat(sent).as("started at once").hasSize(2);
        assertThat(window.inFlight()).isEqualTo(2);

        sent.get(1).complete("second");
        assertThat(results.get(1)).isCompletedWithValue("second");
        assertThat(sent).as("the third starts when the second ends").hasSize(3);

        sent.get(0).completeExceptionally(new IllegalStateException("refused"));
        assertThat(results.get(0)).isCompletedExceptionally();
        assertThat(sent).as("a failure frees its place too").hasSize(4);

        sent.get(2).complete("third");
        sent.get(3).complete("fourth");
        sent.get(4).complete("fifth");
        assertThat(results.get(4)).isCompletedWithValue("fifth");
        assertThat(window.inFlight()).isZero();
    }

    @Test
    void aRequestThatThrowsWhenStartedFailsItsFutureAndFreesItsPlace() {
        RequestWindow window = new RequestWindow(1, Runnable::run);
        CompletableFuture<String> thrown = window.submit(() -> {
            throw new IllegalArgumentException("bad URI");
        });
        assertThat(thrown).isCompletedExceptionally();
        assertThat(window.submit(() -> CompletableFuture.completedFuture("next"))).isCompletedWithValue("next");
        assertThat(window.inFlight()).isZero();
    }
}

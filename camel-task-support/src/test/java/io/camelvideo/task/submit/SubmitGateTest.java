package io.camelvideo.task.submit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

/** The parallel-task window: configured, learnt from refusals, bounded queue, open when neither. */
class SubmitGateTest {

    private static SubmitGate gate(int configured, boolean learn, int maxQueued) {
        return new SubmitGate("test account", configured, learn, maxQueued, null, null, Duration.ofMillis(50));
    }

    @Test
    void aConfiguredWindowLetsThatManyTasksRunAndQueuesTheRestOldestFirst() {
        SubmitGate gate = gate(2, false, 100);
        List<CompletableFuture<SubmitGate.Permit>> asked = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            asked.add(gate.acquire());
        }

        assertThat(asked.subList(0, 2)).allSatisfy(f -> assertThat(f).isDone());
        assertThat(asked.subList(2, 4)).allSatisfy(f -> assertThat(f).isNotDone());
        assertThat(gate.queued()).isEqualTo(2);

        SubmitGate.Permit first = asked.get(0).join();
        first.created();
        asked.get(1).join().release(); // a create that failed frees its place at once
        assertThat(asked.get(2)).isDone();
        assertThat(asked.get(3)).isNotDone();

        first.release(); // the first task ended
        assertThat(asked.get(3)).isDone();
        assertThat(gate.queued()).isZero();
    }

    @Test
    void aFullQueueRefusesAtOnceNamingTheOption() {
        SubmitGate gate = gate(1, false, 1);
        gate.acquire();
        gate.acquire();

        CompletableFuture<SubmitGate.Permit> third = gate.acquire();

        assertThat(third).isCompletedExceptionally();
        assertThat(third.handle((p, e) -> e).join()).isInstanceOf(RejectedExecutionException.class)
                .hasMessageContaining("maxQueuedCreates");
    }

    @Test
    void aLearntWindowStartsAtOneGrowsWithAcceptedCreatesAndShrinksToWhatRunsOnARefusal() {
        SubmitGate gate = gate(0, true, 100);
        List<SubmitGate.Permit> running = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            SubmitGate.Permit permit = gate.acquire().join();
            permit.created();
            running.add(permit);
        }
        assertThat(gate.window()).isEqualTo(4);
        SubmitGate.Permit fourth = gate.acquire().join();

        CompletableFuture<SubmitGate.Permit> again = gate.refusedForLimit(fourth); // the API allows 3

        assertThat(gate.window()).isEqualTo(3);
        assertThat(again).as("the refused create waits for a place").isNotDone();
        running.get(0).release();
        assertThat(again).as("and gets the first one that frees up").isDone();
        assertThat(gate.running()).isEqualTo(2);
    }

    @Test
    void withoutAWindowAndWithoutLearningTheGateIsOpen() {
        SubmitGate gate = gate(0, false, 1);

        List<CompletableFuture<SubmitGate.Permit>> asked = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            asked.add(gate.acquire());
        }

        assertThat(asked).allSatisfy(f -> assertThat(f).isDone());
    }
}

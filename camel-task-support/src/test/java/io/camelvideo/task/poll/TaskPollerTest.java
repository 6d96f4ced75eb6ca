package io.camelvideo.task.poll;

import io.camelvideo.task.http.RemoteApiException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The poller's schedule, batching and failure handling, on a hand-moved clock with hand-run ticks. */
class TaskPollerTest {

    private static final PollSchedule SCHEDULE = new PollSchedule(Duration.ofSeconds(5), Duration.ofSeconds(20), 2.0,
            Duration.ofMinutes(10));

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final Map<String, String> states = new ConcurrentHashMap<>();
    private final List<List<String>> calls = new ArrayList<>();
    private final Map<String, Throwable> failures = new ConcurrentHashMap<>();
    private RuntimeException batchFailure;

    private final TaskPoller<String> poller = new TaskPoller<>((group, ids) -> {
        calls.add(List.copyOf(ids));
        if (batchFailure != null) {
            return CompletableFuture.failedFuture(batchFailure);
        }
        PollResult<String> result = new PollResult<>();
        ids.forEach(id -> {
            if (failures.containsKey(id)) {
                result.failure(id, failures.get(id));
            } else if (states.containsKey(id)) {
                result.state(id, states.get(id));
            }
        });
        return CompletableFuture.completedFuture(result);
    }, "done"::equals, null, now::get);

    private void at(long secondsFromStart) {
        now.set(1_000_000 + secondsFromStart * 1000);
        poller.tick();
    }

    @Test
    void checksFirstAfterTheIntervalThenBacksOffUpToTheMaximum() {
        CompletableFuture<String> result = poller.watch("t2v", "a", SCHEDULE);
        states.put("a", "running");

        at(4);
        assertThat(calls).isEmpty();
        at(5);   // first check
        at(14);
        at(15);  // +10 s
        at(35);  // +20 s
        at(55);  // +20 s (capped)
        states.put("a", "done");
        at(75);

        assertThat(calls).hasSize(5);
        assertThat(result).isCompletedWithValue("done");
        assertThat(poller.size()).isZero();
    }

    @Test
    void dueTasksOfAGroupAreFetchedInOneCallAndWaitersOfOneTaskShareIt() {
        CompletableFuture<String> first = poller.watch("t2v", "a", SCHEDULE);
        CompletableFuture<String> second = poller.watch("t2v", "a", SCHEDULE);
        poller.watch("t2v", "b", SCHEDULE);
        poller.watch("i2v", "c", SCHEDULE);
        states.put("a", "done");

        at(5);

        assertThat(calls).containsExactlyInAnyOrder(List.of("a", "b"), List.of("c"));
        assertThat(first).isCompletedWithValue("done");
        assertThat(second).isSameAs(first);
    }

    @Test
    void aCheckFromElsewhereMovesTheNextCheckBackAndTasksDueSoonAfterJoinARound() {
        poller.watch("t2v", "a", SCHEDULE);
        now.set(1_001_000);
        poller.watch("t2v", "b", SCHEDULE); // due 1 s after a: within a quarter of its interval
        now.set(1_003_000);
        poller.watch("t2v", "c", SCHEDULE); // due 3 s after a
        states.put("a", "running");
        states.put("b", "running");
        states.put("c", "running");

        at(4);
        poller.check("t2v", List.of("a")).join(); // a consumer's check: a's own one moves to 4 + 5 s
        calls.clear();
        at(5);
        at(6);
        at(7);
        at(8);
        at(9);

        assertThat(calls).as("not a at 5 s; b alone at 6 s (c is 2 s later, more than a quarter of 5 s); a, due at 9 s,"
                + " joins c at 8 s").containsExactly(List.of("b"), List.of("c", "a"));
    }

    @Test
    void endedWatchesAreNotKeptWhateverTheirDeadline() {
        for (int i = 0; i < 1_000; i++) {
            poller.watch("t2v", "t" + i, SCHEDULE);
        }
        for (int i = 0; i < 1_000; i++) {
            poller.offer("t2v", "t" + i, "done"); // ended by callbacks or a consumer: no check of their own
        }
        at(5);

        assertThat(poller.size()).isZero();
        assertThat(calls).isEmpty();
        assertThat(poller.retained()).as("watches still referenced by the poller's queues").isLessThanOrEqualTo(500);
    }

    @Test
    void listenersHearEveryRunningStateOnceFromTheWatchsRoundsAndFromOtherChecksButNotTheEnd() {
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        CompletableFuture<String> result = poller.watch("t2v", "a", SCHEDULE, first::add);
        poller.watch("t2v", "a", SCHEDULE, second::add);
        poller.watch("t2v", "b", SCHEDULE); // no listener: never told
        states.put("a", "queued");
        states.put("b", "queued");

        at(5);                                   // the watch's own round
        states.put("a", "running 40%");
        poller.check("t2v", List.of("a")).join(); // a consumer's check of the same task
        states.put("a", "done");
        at(30);

        assertThat(first).containsExactly("queued", "running 40%");
        assertThat(second).isEqualTo(first);
        assertThat(result).isCompletedWithValue("done");
    }

    @Test
    void aNonRetryableFailureEndsOnlyItsTask() {
        CompletableFuture<String> missing = poller.watch("t2v", "gone", SCHEDULE);
        CompletableFuture<String> fine = poller.watch("t2v", "ok", SCHEDULE);
        failures.put("gone", new IllegalStateException("no such task"));

        at(5);

        assertThat(missing).isCompletedExceptionally();
        assertThat(fine).isNotDone();
        assertThat(poller.size()).isEqualTo(1);
    }

    @Test
    void networkTroubleIsRetriedAndThrottlingPausesTheWholeAccount() {
        CompletableFuture<String> result = poller.watch("t2v", "a", SCHEDULE);
        poller.watch("t2v", "b", SCHEDULE);
        batchFailure = new java.io.UncheckedIOException(new IOException("connection reset"));
        at(5);
        assertThat(result).isNotDone();

        batchFailure = new Throttled(Duration.ofSeconds(60));
        at(15);
        int callsBefore = calls.size();
        at(40);
        at(70);
        assertThat(calls).hasSize(callsBefore);

        batchFailure = null;
        states.put("a", "done");
        at(76);
        assertThat(result).isCompletedWithValue("done");
    }

    @Test
    void givesUpAtTheTimeoutWithAnErrorThatNamesTheTask() {
        CompletableFuture<String> result = poller.watch("t2v", "slow-1", SCHEDULE);
        states.put("slow-1", "running");

        for (int s = 5; s <= 600; s += 5) {
            at(s);
        }

        assertThat(result).isCompletedExceptionally();
        assertThat(result.handle((v, e) -> e).join()).isInstanceOf(TaskTimeoutException.class)
                .hasMessageContaining("slow-1").hasMessageContaining("may still finish");
    }

    @Test
    void theTimeoutFiresOnTimeEvenWhileAStatusRequestHangs() {
        AtomicLong clock = new AtomicLong(0);
        CompletableFuture<PollResult<String>> hanging = new CompletableFuture<>();
        TaskPoller<String> stuck = new TaskPoller<>((group, ids) -> hanging, "done"::equals, null, clock::get);
        CompletableFuture<String> result = stuck.watch("t2v", "hung-1", SCHEDULE);

        clock.set(5_000);
        stuck.tick();                      // the status request goes out and never answers
        clock.set(Duration.ofMinutes(10).toMillis());
        stuck.tick();

        assertThat(result).isCompletedExceptionally();
        assertThat(result.handle((v, e) -> e).join()).isInstanceOf(TaskTimeoutException.class).hasMessageContaining("hung-1");
        hanging.complete(new PollResult<>()); // the late answer changes nothing
        assertThat(stuck.size()).isZero();
    }

    private static final class Throttled extends RemoteApiException {
        Throttled(Duration retryAfter) {
            super("slow down", 429, "1302", true, retryAfter, null);
        }
    }

    @Test
    void aWatchWithAShorterIntervalThanTheFirstEndpointsMakesTheTickFiner() {
        java.util.concurrent.ScheduledExecutorService scheduler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            TaskPoller<String> shared = new TaskPoller<>((group, ids) -> CompletableFuture.completedFuture(new PollResult<>()),
                    "done"::equals, scheduler);
            shared.start(SCHEDULE.tick()); // the first endpoint: 5 s interval, ticks every 500 ms
            assertThat(shared.tickMillis()).isEqualTo(500);

            shared.watch("t2v", "slow", SCHEDULE);
            assertThat(shared.tickMillis()).isEqualTo(500);
            shared.watch("t2v", "fast", new PollSchedule(Duration.ofMillis(100), Duration.ofSeconds(1), 2.0, Duration.ofMinutes(1)));
            assertThat(shared.tickMillis()).as("a 100 ms interval is kept to within 20 ms").isEqualTo(20);
            shared.stop(new IllegalStateException("test over"));
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void aGroupAsLargeAsTheSourcesSweepThresholdIsCheckedWholeEveryIntervalWithoutBackingOff() {
        TaskStatusSource<String> pages = new TaskStatusSource<>() {
            @Override
            public CompletableFuture<PollResult<String>> fetch(String group, List<String> ids) {
                calls.add(ids.stream().sorted().toList());
                PollResult<String> result = new PollResult<>();
                ids.forEach(id -> result.state(id, states.getOrDefault(id, "running")));
                return CompletableFuture.completedFuture(result);
            }

            @Override
            public int sweepThreshold() {
                return 3;
            }
        };
        TaskPoller<String> swept = new TaskPoller<>(pages, "done"::equals, null, now::get);
        CompletableFuture<String> a = swept.watch("t2v", "a", SCHEDULE);
        swept.watch("t2v", "b", SCHEDULE);
        swept.watch("i2v", "x", SCHEDULE); // another group, below the threshold: its own schedule
        now.set(1_002_000);
        swept.watch("t2v", "c", SCHEDULE); // submitted 2 s later: checked with the others all the same

        for (long second = 1; second <= 15; second++) {
            now.set(1_000_000 + second * 1000);
            if (second == 12) {
                states.put("a", "done");
                states.put("b", "done");
            }
            swept.tick();
        }

        assertThat(calls).containsExactlyInAnyOrder( // the groups of one tick are asked in any order
                List.of("a", "b", "c"), List.of("x"),   // 5 s: the first sweep; x's first check
                List.of("a", "b", "c"),                 // 10 s: the interval again, no backing off
                List.of("a", "b", "c"),                 // 15 s: a and b end, c alone is below the threshold
                List.of("x"));                          // 15 s: x after its backed-off 10 s
        assertThat(a).isCompletedWithValue("done");
        assertThat(swept.size()).isEqualTo(2);

        calls.clear();
        for (long second = 16; second <= 35; second++) {
            now.set(1_000_000 + second * 1000);
            swept.tick();
        }
        assertThat(calls).as("c back on its own schedule, backed off as if checked alone (20 s), like x")
                .containsExactlyInAnyOrder(List.of("c"), List.of("x"));
    }

    @Test
    void aTaskTwoSweepsInARowMissedIsAskedAboutOnItsOwn() {
        List<String> fetched = new ArrayList<>();
        TaskStatusSource<String> pages = new TaskStatusSource<>() {
            @Override
            public CompletableFuture<PollResult<String>> fetch(String group, List<String> ids) {
                fetched.addAll(ids);
                PollResult<String> result = new PollResult<>();
                ids.forEach(id -> result.state(id, "running"));
                return CompletableFuture.completedFuture(result);
            }

            @Override
            public CompletableFuture<PollResult<String>> sweep(String group, List<String> ids) {
                calls.add(ids.stream().sorted().toList());
                PollResult<String> result = new PollResult<>();
                ids.stream().filter(id -> !id.equals("deep")).forEach(id -> result.state(id, "running")); // not on the pages
                return CompletableFuture.completedFuture(result);
            }

            @Override
            public int sweepThreshold() {
                return 3;
            }
        };
        TaskPoller<String> swept = new TaskPoller<>(pages, "done"::equals, null, now::get);
        swept.watch("t2v", "a", SCHEDULE);
        swept.watch("t2v", "b", SCHEDULE);
        swept.watch("t2v", "deep", SCHEDULE);

        for (long second = 1; second <= 20; second++) {
            now.set(1_000_000 + second * 1000);
            swept.tick();
        }

        assertThat(calls).as("sweeps at 5, 10, 15 and 20 s").hasSize(4);
        assertThat(calls.get(0)).containsExactly("a", "b", "deep");
        assertThat(calls.get(1)).containsExactly("a", "b", "deep");
        assertThat(calls.get(2)).as("missed twice: asked about on its own instead").containsExactly("a", "b");
        assertThat(fetched).containsExactly("deep");
        assertThat(calls.get(3)).as("found: back in the sweeps").containsExactly("a", "b", "deep");
    }
}

package io.camelvideo.task.poll;

import io.camelvideo.task.http.ApiHttpClient;
import io.camelvideo.task.metrics.TaskMetrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Watches remote tasks until they end, for any number of waiters, on one scheduler thread: each
 * watched task has a due time that backs off per {@link PollSchedule}; every tick gathers the due
 * tasks per group and asks the {@link TaskStatusSource} once for all of them. A tick costs what is due,
 * not what is watched: each group keeps its waiting watches ordered by due time, and one queue orders
 * every watch by its deadline, so a tick with nothing due costs next to nothing, however many wait. A group with at least
 * {@link TaskStatusSource#sweepThreshold()} watches is swept instead: all its tasks in one check every
 * poll interval, without backing off (the source reads them by the page, so the cost is per page, not
 * per task, and a short, steady interval keeps the delay from a task's end to its waiter short); a task
 * two sweeps in a row did not find is asked about on its own. Nothing blocks: a
 * waiter gets a {@link CompletableFuture} that completes with the terminal state, with the error
 * that made polling impossible, or with a {@link TaskTimeoutException}.
 *
 * <p>A throttling answer (HTTP 429) pauses the whole poller (the account, see {@link ThrottlePause});
 * other retryable errors postpone only the tasks asked about. The
 * durable consumer uses the same poller through {@link #check}, so waits and tracked tasks share
 * one account-wide view of throttling.
 *
 * @param <S> the component's task state type
 */
public final class TaskPoller<S> {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TaskPoller.class);

    private final class Watch {
        final String group;
        final Group state;
        final String taskId;
        final CompletableFuture<S> result = new CompletableFuture<>();
        final long startedAt;
        final long deadline;
        final PollSchedule schedule;
        /** 1 while a status check of the task is out (see {@link #claim()}). */
        volatile int inFlight;
        /** Told of every state seen while the task runs (waiters that asked for status updates); made on the first. */
        volatile List<Consumer<S>> listeners = List.of();
        volatile long interval;
        volatile long due;
        /** Sweeps in a row that left the task out (it is then asked about on its own). */
        volatile int missedSweeps;
        /** In its group's agenda, ordered by {@link #queuedAt} (both guarded by the group). */
        boolean queued;
        long queuedAt;

        Watch(String group, Group state, String taskId, PollSchedule schedule, long now) {
            this.group = group;
            this.state = state;
            this.taskId = taskId;
            this.schedule = schedule;
            this.startedAt = now;
            this.deadline = now + schedule.timeout().toMillis();
            this.interval = schedule.initialInterval().toMillis();
            this.due = now + interval;
        }

        /** Takes the task into a status check, unless one is out already. */
        boolean claim() {
            return IN_FLIGHT.compareAndSet(this, 0, 1);
        }

        boolean checking() {
            return inFlight == 1;
        }

        void checked() {
            inFlight = 0;
        }

        void backOff(long now, long minimumDelay) {
            interval = schedule.next(interval);
            due = now + Math.max(interval, minimumDelay);
        }
    }

    @SuppressWarnings("rawtypes")
    private static final AtomicIntegerFieldUpdater<TaskPoller.Watch> IN_FLIGHT =
            AtomicIntegerFieldUpdater.newUpdater(TaskPoller.Watch.class, "inFlight");

    /** After this many sweeps in a row without it, a task is asked about on its own ({@link TaskStatusSource#fetch}). */
    static final int MISSED_SWEEPS = 2;

    private final TaskStatusSource<S> source;
    private final Predicate<S> terminal;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier clock;
    /** How many tasks are watched (each group keeps its own watches by task id). */
    private final AtomicInteger watched = new AtomicInteger();
    private final Map<String, Group> groups = new ConcurrentHashMap<>();
    /** Every watch by its deadline (which never changes); ended ones are dropped when they surface or in bulk. */
    private final PriorityQueue<Watch> deadlines = new PriorityQueue<>(Comparator.comparingLong(w -> w.deadline));
    /** Watches ended while still in {@link #deadlines}: past half of it, the queue is compacted. */
    private int endedInDeadlines;
    private final ThrottlePause pause;
    private final TaskMetrics metrics;
    private ScheduledFuture<?> ticker;
    private volatile long tickMillis = Long.MAX_VALUE;

    /**
     * @param terminal  whether a state is final (succeeded or failed)
     * @param scheduler the one thread ticks run on (Camel's scheduled executor of the component)
     */
    public TaskPoller(TaskStatusSource<S> source, Predicate<S> terminal, ScheduledExecutorService scheduler) {
        this(source, terminal, scheduler, TaskMetrics.NONE, System::currentTimeMillis);
    }

    /** @param metrics counts the status requests and throttling pauses */
    public TaskPoller(TaskStatusSource<S> source, Predicate<S> terminal, ScheduledExecutorService scheduler, TaskMetrics metrics) {
        this(source, terminal, scheduler, metrics, System::currentTimeMillis);
    }

    TaskPoller(TaskStatusSource<S> source, Predicate<S> terminal, ScheduledExecutorService scheduler, LongSupplier clock) {
        this(source, terminal, scheduler, TaskMetrics.NONE, clock);
    }

    private TaskPoller(TaskStatusSource<S> source, Predicate<S> terminal, ScheduledExecutorService scheduler, TaskMetrics metrics,
                       LongSupplier clock) {
        this.source = source;
        this.terminal = terminal;
        this.scheduler = scheduler;
        this.metrics = metrics;
        this.clock = clock;
        this.pause = new ThrottlePause(clock);
    }

    /**
     * Starts ticking every {@code tick}. Every watch later makes the tick finer when its schedule needs
     * it, so each endpoint's {@code pollInterval} is kept, whichever endpoint of the account came first.
     */
    public synchronized void start(Duration tick) {
        if (ticker == null) {
            tickEvery(Math.max(5, tick.toMillis()));
        }
    }

    private synchronized void refineTick(Duration tick) {
        long millis = Math.max(5, tick.toMillis());
        if (ticker != null && millis < tickMillis) {
            ticker.cancel(false);
            tickEvery(millis);
        }
    }

    private void tickEvery(long millis) {
        tickMillis = millis;
        ticker = scheduler.scheduleWithFixedDelay(this::tickSafely, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** The current tick in ms (Long.MAX_VALUE before start). */
    long tickMillis() {
        return tickMillis;
    }

    /** Stops ticking; waiters still pending are failed with {@code reason}. */
    public synchronized void stop(RuntimeException reason) {
        if (ticker != null) {
            ticker.cancel(false);
            ticker = null;
        }
        groups.values().forEach(group -> group.byTask.values().forEach(w -> w.result.completeExceptionally(reason)));
        groups.clear();
        watched.set(0);
        synchronized (deadlines) {
            deadlines.clear();
            endedInDeadlines = 0;
        }
    }

    /**
     * Watches a task until it ends. Watching a task already watched joins the existing watch, so
     * two waiters on one task cost one status request per round.
     */
    public CompletableFuture<S> watch(String group, String taskId, PollSchedule schedule) {
        return watch(group, taskId, schedule, null);
    }

    /**
     * Watches a task until it ends, telling {@code running} of every state a status check finds while
     * the task runs (each round's answer, changed or not: the listener keeps what it needs to compare).
     * It is called on the thread that completed the check and must not block.
     */
    public CompletableFuture<S> watch(String group, String taskId, PollSchedule schedule, Consumer<S> running) {
        if (schedule.tick().toMillis() < tickMillis) {
            refineTick(schedule.tick());
        }
        long now = clock.getAsLong();
        Group state = groups.computeIfAbsent(group, g -> new Group());
        Watch watch = state.byTask.computeIfAbsent(taskId, k -> {
            LOG.debug("Waiting for task {} ({}): first check in {} ms", taskId, group, schedule.initialInterval().toMillis());
            Watch made = new Watch(group, state, taskId, schedule, now);
            watched.incrementAndGet();
            made.state.added(made);
            made.state.queue(made);
            synchronized (deadlines) {
                deadlines.add(made);
            }
            return made;
        });
        if (running != null) {
            synchronized (watch) {
                List<Consumer<S>> more = new ArrayList<>(watch.listeners);
                more.add(running);
                watch.listeners = List.copyOf(more);
            }
        }
        return watch.result;
    }

    /**
     * A state learnt elsewhere (a callback confirmed with a GET, or the ledger): a task that ended
     * completes its watch at once, without a status request of its own.
     */
    public void offer(String group, String taskId, S state) {
        Watch watch = watchOf(group, taskId);
        if (watch != null && terminal.test(state)) {
            finish(watch, state, null);
        }
    }

    /** How much longer the account's status checks are paused by a throttling answer, in ms (0 when not). */
    public long pausedMillis() {
        return pause.remainingMillis();
    }

    /**
     * Whether the status source reads many tasks for the price of a few requests (list pages), so a check
     * of thousands of tasks is cheap.
     */
    public boolean readsByPage() {
        return source.sweepThreshold() != Integer.MAX_VALUE;
    }

    /** How many tasks are being watched. */
    public int size() {
        return watched.get();
    }

    private Watch watchOf(String group, String taskId) {
        Group state = groups.get(group);
        return state == null ? null : state.byTask.get(taskId);
    }

    /** How many watches the deadline queue still references, ended ones included (they are dropped in bulk). */
    int retained() {
        synchronized (deadlines) {
            return deadlines.size();
        }
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: keep ticking whatever happened
        }
    }

    void tick() {
        if (pause.isPaused()) {
            return;
        }
        long now = clock.getAsLong();
        expire(now);
        int threshold = source.sweepThreshold();
        groups.forEach((name, group) -> {
            group.decide(now, threshold);
            if (group.sweepNow) {
                List<Watch> all = group.takeAll();
                group.sweepNow = false;
                List<Watch> missed = new ArrayList<>();
                all.removeIf(watch -> watch.missedSweeps >= MISSED_SWEEPS && missed.add(watch));
                if (!all.isEmpty()) {
                    group.sweeping = true; // before the check, which may answer at once
                    poll(name, all, true).whenComplete((answer, error) -> group.sweeping = false);
                }
                if (!missed.isEmpty()) {
                    poll(name, missed, false);
                }
            } else if (!group.swept) {
                List<Watch> due = group.takeDue(now);
                if (!due.isEmpty()) {
                    poll(name, due, false);
                }
            }
        });
    }

    /** Ends the watches whose deadline has passed: on time even while a status request hangs (its answer is ignored). */
    private void expire(long now) {
        while (true) {
            Watch late;
            synchronized (deadlines) {
                late = deadlines.peek();
                if (late == null || now < late.deadline) {
                    return;
                }
                deadlines.poll();
                if (late.result.isDone()) {
                    endedInDeadlines--;
                    continue;
                }
            }
            finish(late, null, new TaskTimeoutException(late.taskId, Duration.ofMillis(now - late.startedAt)));
        }
    }

    /**
     * One group's watches (by task id, and the agenda of those not being checked), the shortest first
     * interval among them, and whether (and when) they are swept. Kept as watches come and go, so a
     * tick does not have to.
     */
    private final class Group {
        /** The group's watches by task id. */
        final Map<String, Watch> byTask = new ConcurrentHashMap<>();
        /**
         * The group's watches that are not being checked, by due time (when swept, the order does not
         * matter: all of them are checked). Ended watches leave it when they surface or at the next sweep.
         */
        private final PriorityQueue<Watch> agenda = new PriorityQueue<>(Comparator.comparingLong(w -> w.queuedAt));
        final AtomicLong shortestInterval = new AtomicLong(Long.MAX_VALUE);
        /** When the oldest watch since the group was last empty began. */
        final AtomicLong firstStarted = new AtomicLong(Long.MAX_VALUE);
        /** Swept (not checked task by task) while at least the source's sweep threshold is watched. */
        volatile boolean swept;
        /** This tick sweeps the group. */
        volatile boolean sweepNow;
        /** A sweep has not answered yet. */
        volatile boolean sweeping;
        long nextSweep;

        void added(Watch watch) {
            shortestInterval.accumulateAndGet(watch.interval, Math::min);
            firstStarted.accumulateAndGet(watch.startedAt, Math::min);
        }

        /** After a watch left {@link #byTask}. */
        void removed() {
            if (byTask.isEmpty()) {
                firstStarted.set(Long.MAX_VALUE);
            }
        }

        /** Puts a watch that is not being checked in the agenda, at its due time. */
        synchronized void queue(Watch watch) {
            if (!watch.queued && !watch.result.isDone()) {
                watch.queued = true;
                watch.queuedAt = watch.due;
                agenda.add(watch);
            }
        }

        /**
         * Takes the watches due now (and, when some are, those due within a quarter of their interval:
         * tasks submitted moments apart share rounds and list pages instead of one round each).
         */
        synchronized List<Watch> takeDue(long now) {
            List<Watch> due = new ArrayList<>();
            Watch next;
            while ((next = agenda.peek()) != null) {
                boolean taking = now >= next.queuedAt || !due.isEmpty() && now >= next.queuedAt - next.interval / 4;
                if (!taking) {
                    break;
                }
                agenda.poll();
                next.queued = false;
                if (next.result.isDone() || next.checking()) {
                    continue; // ended, or in a check that queues it again when it answers
                }
                if (next.due > next.queuedAt && now < next.due - next.interval / 4) {
                    queue(next); // another check moved it back (the consumer's, a list page)
                } else if (next.claim()) {
                    due.add(next);
                }
            }
            return due;
        }

        /** Takes every watch of the group not in a check already (a sweep); they stay in the agenda. */
        synchronized List<Watch> takeAll() {
            agenda.removeIf(watch -> watch.result.isDone());
            List<Watch> all = new ArrayList<>(agenda.size());
            for (Watch watch : agenda) {
                if (watch.claim()) {
                    all.add(watch);
                }
            }
            return all;
        }

        /** Back to checks task by task: the agenda in due order again (a sweep left it in any order). */
        private synchronized void reorder() {
            List<Watch> all = new ArrayList<>(agenda);
            agenda.clear();
            for (Watch watch : all) {
                watch.queued = false;
                queue(watch);
            }
        }

        /** Whether this tick sweeps: the group is large enough, the last sweep answered, and its interval has passed. */
        void decide(long now, int threshold) {
            boolean large = byTask.size() >= threshold;
            if (large && !swept) {
                // the first sweep when the oldest task's first check would have been due
                nextSweep = Math.min(now + shortestInterval.get(), firstStarted.get() + shortestInterval.get());
            }
            if (swept && !large) {
                reorder();
            }
            swept = large;
            sweepNow = large && !sweeping && now >= nextSweep;
            if (sweepNow) {
                nextSweep = now + shortestInterval.get();
            }
        }
    }

    /**
     * Checks tasks once, in one batch (the durable consumer's way in): the account's throttling pause
     * applies, and a throttling answer extends it. While paused, the result is empty.
     */
    public CompletableFuture<PollResult<S>> check(String group, List<String> taskIds) {
        return check(group, taskIds, false);
    }

    private CompletableFuture<PollResult<S>> check(String group, List<String> taskIds, boolean sweep) {
        if (pause.isPaused() || taskIds.isEmpty()) {
            return CompletableFuture.completedFuture(new PollResult<>());
        }
        CompletableFuture<PollResult<S>> states;
        metrics.statusChecked(taskIds.size());
        try {
            states = sweep ? source.sweep(group, taskIds) : source.fetch(group, taskIds);
        } catch (RuntimeException e) {
            states = CompletableFuture.failedFuture(e);
        }
        return states.whenComplete((answer, error) -> {
            if (error != null) {
                if (pause.observe(error, size())) {
                    metrics.throttled();
                }
                return;
            }
            if (taskIds.stream().map(answer::failure).filter(f -> f != null)
                    .anyMatch(failure -> pause.observe(failure, size()))) {
                metrics.throttled();
            }
            shareWithWatches(group, taskIds, answer);
        });
    }

    /**
     * What a check learnt also serves the watches of the same tasks: an ended task completes its watch,
     * a running one's next check moves back by its interval (one status request, not two).
     */
    private void shareWithWatches(String group, List<String> taskIds, PollResult<S> answer) {
        long now = clock.getAsLong();
        for (String taskId : taskIds) {
            Watch watch = watchOf(group, taskId);
            S state = answer.state(taskId);
            if (watch == null || state == null) {
                continue;
            }
            if (terminal.test(state)) {
                finish(watch, state, null);
            } else if (!watch.checking()) { // a watch's own round tells its listeners itself
                watch.due = Math.max(watch.due, now + watch.interval);
                tell(watch, state);
            }
        }
    }

    private CompletableFuture<PollResult<S>> poll(String group, List<Watch> due, boolean sweep) {
        List<String> ids = due.stream().map(w -> w.taskId).toList();
        return check(group, ids, sweep).whenComplete((answer, error) -> {
            long now = clock.getAsLong();
            for (Watch watch : due) {
                Throwable failure = error != null ? ApiHttpClient.unwrap(error) : answer.failure(watch.taskId);
                S state = error != null ? null : answer.state(watch.taskId);
                if (error == null) {
                    watch.missedSweeps = state == null && failure == null && sweep ? watch.missedSweeps + 1 : 0;
                }
                if (failure != null) {
                    handleFailure(watch, ApiHttpClient.unwrap(failure), now);
                } else if (state != null && terminal.test(state)) {
                    finish(watch, state, null);
                } else {
                    watch.backOff(now, pause.remainingMillis());
                    watch.checked();
                    watch.state.queue(watch);
                    if (state != null) {
                        tell(watch, state);
                    }
                }
            }
        });
    }

    private void tell(Watch watch, S state) {
        for (Consumer<S> listener : watch.listeners) {
            try {
                listener.accept(state);
            } catch (RuntimeException e) {
                LOG.debug("A status listener of task {} failed: {}", watch.taskId, e.toString());
            }
        }
    }

    private void handleFailure(Watch watch, Throwable error, long now) {
        if (!ApiHttpClient.isRetryable(error)) {
            finish(watch, null, error);
            return;
        }
        LOG.debug("Status check of task {} failed ({}); checked again later", watch.taskId, error.getMessage());
        watch.backOff(now, pause.remainingMillis());
        watch.checked();
        watch.state.queue(watch);
    }

    private void finish(Watch watch, S state, Throwable error) {
        if (watch.state.byTask.remove(watch.taskId, watch)) {
            watched.decrementAndGet();
            watch.state.removed();
            synchronized (deadlines) {
                if (++endedInDeadlines > deadlines.size() / 2) {
                    deadlines.removeIf(w -> w == watch || w.result.isDone());
                    endedInDeadlines = 0;
                }
            }
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("Wait for task {} ended after {} ms: {} ({} still watched)", watch.taskId, clock.getAsLong() - watch.startedAt,
                    error != null ? error.getClass().getSimpleName() + ": " + error.getMessage() : "ended", size());
        }
        if (error != null) {
            watch.result.completeExceptionally(error);
        } else {
            watch.result.complete(state);
        }
    }
}

package io.camelvideo.task.submit;

import io.camelvideo.task.http.Delays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;

/**
 * Keeps an account's unfinished tasks within its parallel-task limit: a create takes a permit before
 * it is sent and holds it until its task ends; creates beyond the window wait in a queue (as
 * futures: no thread waits) and go out, oldest first, as tasks of the account end.
 *
 * <p>The window is {@code maxParallelTasks} when configured. Otherwise, when {@code learn} is set, it
 * is learnt: it starts at one and grows by one per accepted create up to 8 (one create in flight at
 * a time), then by two (doubling per round trip), until the API first refuses a create for the
 * limit; then it is what the account had running, and grows by one only after a number of tasks
 * ended without a refusal (50, doubled after each probe that was refused again). A refused create goes back to the head of the queue: it costs no
 * retry. A configured window shrinks on a refusal too (another client may share the account) and
 * grows back by one per task that ends. Without a configured window and without learning, the gate
 * is open. With a ledger shared by several instances, each place is also taken in the ledger
 * ({@link SharedSlots}), so the instances together keep to the window.
 */
public final class SubmitGate {

    private static final Logger LOG = LoggerFactory.getLogger(SubmitGate.class);
    private static final int FIRST_PROBE_AFTER = 50;
    private static final int LINEAR_START = 8;
    private static final int LARGEST_WINDOW = 100_000;

    /** A place in the window, held from before the create until its task ends. */
    public final class Permit {
        /** Its row in the shared slots table; none when the window is kept in this instance only. */
        private final String id = shared != null ? UUID.randomUUID().toString() : null;
        private boolean created;
        private boolean released;

        /** The create was accepted: the permit now stands for an unfinished task. */
        public void created() {
            SubmitGate.this.accepted(this);
        }

        /** The create failed, or its task ended: the place is free. */
        public void release() {
            SubmitGate.this.release(this);
        }
    }

    private final String name;
    private final int configured;
    private final boolean learn;
    private final int maxQueued;
    private final SharedSlots shared;
    private final Delays delays;
    private final java.time.Duration sharedRetry;
    private boolean retryScheduled;
    private final Deque<CompletableFuture<Permit>> queue = new ArrayDeque<>();
    private int window;
    private int held;
    private int running;
    private boolean limitSeen;
    private int probeAfter = FIRST_PROBE_AFTER;
    private int endedSinceChange;
    private boolean probing;

    /**
     * @param name       the account, for log lines
     * @param configured the account's parallel-task limit, or 0 when unknown
     * @param learn      whether to learn the window from refusals when it is not configured
     * @param maxQueued  how many creates may wait for a place before new ones fail at once
     * @param shared     the window's places as other instances share them, or null (one instance)
     * @param delays     where a wait for a place held by another instance is timed
     * @param sharedRetry how often to look again for a place held by another instance
     */
    public SubmitGate(String name, int configured, boolean learn, int maxQueued, SharedSlots shared, Delays delays,
                      java.time.Duration sharedRetry) {
        this.name = name;
        this.configured = Math.max(0, configured);
        this.learn = learn;
        this.maxQueued = maxQueued;
        this.shared = shared;
        this.delays = delays;
        this.sharedRetry = sharedRetry;
        this.window = configured > 0 ? configured : 1;
    }

    private boolean open() {
        return configured == 0 && !learn;
    }

    /** A permit, now or when a place frees up; fails at once when the queue is full. */
    public CompletableFuture<Permit> acquire() {
        return acquire(false);
    }

    private CompletableFuture<Permit> acquire(boolean first) {
        synchronized (this) {
            if (open()) {
                held++;
                return CompletableFuture.completedFuture(new Permit());
            }
            if (queue.isEmpty() || first) {
                Permit granted = grant();
                if (granted != null) {
                    return CompletableFuture.completedFuture(granted);
                }
            }
            if (!first && queue.size() >= maxQueued) {
                return CompletableFuture.failedFuture(new RejectedExecutionException("The " + name + " submit queue is full: "
                        + queue.size() + " creates wait for the parallel-task limit (" + window + " at a time). Raise"
                        + " maxQueuedCreates, or feed the route more slowly."));
            }
            CompletableFuture<Permit> waiting = new CompletableFuture<>();
            if (first) {
                queue.addFirst(waiting);
            } else {
                queue.addLast(waiting);
            }
            LOG.debug("{}: create queued for the parallel-task limit ({} running, window {}, {} queued)", name, running,
                    window, queue.size());
            return waiting;
        }
    }

    /**
     * The API refused the create holding {@code permit} for the account's parallel-task limit: the
     * window shrinks to what is running, and the create waits at the head of the queue for a place.
     */
    public CompletableFuture<Permit> refusedForLimit(Permit permit) {
        synchronized (this) {
            if (!permit.released) {
                permit.released = true;
                held--;
            }
            if (!open()) {
                if (probing) {
                    probeAfter = Math.min(probeAfter * 2, 10_000);
                }
                probing = false;
                limitSeen = true;
                endedSinceChange = 0;
                int shrunk = Math.max(1, running);
                if (shrunk < window) {
                    LOG.debug("{}: the API refused a create for its parallel-task limit; window {} -> {}", name, window, shrunk);
                    window = shrunk;
                }
            }
        }
        if (shared != null) {
            shared.release(permit.id);
        }
        return acquire(true);
    }

    private void accepted(Permit permit) {
        synchronized (this) {
            if (permit.released || permit.created) {
                return;
            }
            permit.created = true;
            running++;
            if (configured == 0 && learn && !limitSeen) {
                // slow start: one create at a time while the window is small (a small pack is found with one
                // refusal), then doubling per round trip (a large one is found fast)
                window = Math.min(LARGEST_WINDOW, window + (window < LINEAR_START ? 1 : 2));
            }
            if (probing) {
                probing = false;
                probeAfter = FIRST_PROBE_AFTER;
            }
        }
        drain();
    }

    private void release(Permit permit) {
        synchronized (this) {
            if (permit.released) {
                return;
            }
            permit.released = true;
            held--;
            if (permit.created) {
                running--;
                endedSinceChange++;
                grow();
            }
        }
        if (shared != null) {
            shared.release(permit.id);
        }
        drain();
    }

    /** A permit if the window (and, when shared, the other instances) leaves a place; under the lock. */
    private Permit grant() {
        if (held >= window) {
            return null;
        }
        Permit permit = new Permit();
        if (shared != null && !shared.take(permit.id, window)) {
            retryLater();
            return null;
        }
        held++;
        return permit;
    }

    /** Another instance holds the places: look again shortly (its tasks end without telling this one). */
    private void retryLater() {
        if (!retryScheduled && delays != null) {
            retryScheduled = true;
            delays.after(sharedRetry, () -> {
                synchronized (this) {
                    retryScheduled = false;
                }
                drain();
                return CompletableFuture.completedFuture(null);
            });
        }
    }

    /** Called under the lock when a task ended. */
    private void grow() {
        if (configured > 0) {
            if (window < configured) {
                window++;
            }
        } else if (learn && limitSeen && endedSinceChange >= probeAfter && window < LARGEST_WINDOW) {
            window++;
            probing = true;
            endedSinceChange = 0;
            LOG.debug("{}: probing a larger parallel-task window: {}", name, window);
        }
    }

    private void drain() {
        List<CompletableFuture<Permit>> ready = new ArrayList<>();
        List<Permit> granted = new ArrayList<>();
        synchronized (this) {
            while (!queue.isEmpty()) {
                Permit permit = grant();
                if (permit == null) {
                    break;
                }
                ready.add(queue.pollFirst());
                granted.add(permit);
            }
        }
        for (int i = 0; i < ready.size(); i++) {
            ready.get(i).complete(granted.get(i));
        }
    }

    /** Creates waiting for a place. */
    public synchronized int queued() {
        return queue.size();
    }

    /** The current window (places for unfinished tasks). */
    public synchronized int window() {
        return window;
    }

    /** Tasks created through the gate that have not ended yet. */
    public synchronized int running() {
        return running;
    }
}

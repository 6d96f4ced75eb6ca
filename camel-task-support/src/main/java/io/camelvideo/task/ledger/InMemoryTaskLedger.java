package io.camelvideo.task.ledger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A ledger in memory: the default, fine for one instance whose pending tasks may be lost on a
 * restart. Delivered tasks are kept as small tombstones (no result) so a task is never taken in
 * twice. Also the working set of {@link FileTaskLedger}.
 */
public class InMemoryTaskLedger implements TaskLedger {

    private record Key(String scope, String taskId) {
    }

    private record Claim(String owner, long until) {
    }

    /** How journals written before watermarks had entries of their own kept them: as a task row of this scope prefix. */
    static final String LEGACY_WATERMARK_PREFIX = "watermark:";

    private final Map<Key, TrackedTask> tasks = new LinkedHashMap<>();
    private final Map<String, Long> watermarks = new LinkedHashMap<>();
    private final Map<Key, Claim> claims = new LinkedHashMap<>();
    private final Map<Key, SubmitRecord> submits = new LinkedHashMap<>();
    private final Map<Key, Spend> spends = new LinkedHashMap<>();
    private final Consumer<Object> changes;

    public InMemoryTaskLedger() {
        this(task -> {
        });
    }

    /** @param changes told of every change (the task or submit record as it is now), under the ledger's lock */
    InMemoryTaskLedger(Consumer<Object> changes) {
        this.changes = changes;
    }

    /** Loads a task as it was, replaying a journal; no change is reported. */
    synchronized void load(TrackedTask task) {
        if (task.scope().startsWith(LEGACY_WATERMARK_PREFIX)) {
            load(new Watermark(task.scope().substring(LEGACY_WATERMARK_PREFIX.length()), task.submittedAt()));
        } else {
            tasks.put(new Key(task.scope(), task.taskId()), task);
        }
    }

    /** Loads a recorded spend, replaying a journal; no change is reported. */
    synchronized void load(Spend spend) {
        spends.putIfAbsent(new Key(spend.account(), spend.taskId()), spend);
    }

    /** Loads a discovery watermark as it was, replaying a journal; no change is reported. */
    synchronized void load(Watermark watermark) {
        watermarks.merge(watermark.scope(), watermark.value(), Math::max);
    }

    /** Loads a submit record as it was, replaying a journal; no change is reported. */
    synchronized void load(SubmitRecord record) {
        if (record.state() == null) {
            submits.remove(new Key(record.scope(), record.key())); // a forgotten submit
        } else {
            submits.put(new Key(record.scope(), record.key()), record);
        }
    }

    /**
     * Every task, watermark, submit record and spend, for compaction; tombstones, submit records and
     * spends older than {@code keepSince} are left out.
     */
    synchronized List<Object> snapshot(long keepSince) {
        List<Object> all = new ArrayList<>();
        tasks.values().stream()
                .filter(t -> t.state() == TrackedTask.State.PENDING || t.state() == TrackedTask.State.FINISHED
                        || t.submittedAt() >= keepSince)
                .forEach(all::add);
        watermarks.forEach((scope, value) -> all.add(new Watermark(scope, value)));
        submits.values().stream().filter(r -> r.updatedAt() >= keepSince).forEach(all::add);
        long keepDay = Math.floorDiv(keepSince, 86_400_000L);
        spends.values().stream().filter(spend -> spend.day() >= keepDay).forEach(all::add);
        return all;
    }

    @Override
    public synchronized SubmitRecord intend(String scope, String key, long now) {
        Key id = new Key(scope, key);
        SubmitRecord existing = submits.get(id);
        if (existing != null) {
            SubmitRecord touched = existing.touched(now);
            submits.put(id, touched);
            changes.accept(touched);
            return touched;
        }
        SubmitRecord intent = SubmitRecord.intent(scope, key, now);
        submits.put(id, intent);
        changes.accept(intent);
        return null;
    }

    @Override
    public synchronized void submitted(String scope, String key, String taskId, long now) {
        Key id = new Key(scope, key);
        SubmitRecord existing = submits.get(id);
        SubmitRecord created = (existing != null ? existing : SubmitRecord.intent(scope, key, now)).created(taskId, now);
        submits.put(id, created);
        changes.accept(created);
    }

    @Override
    public synchronized void forget(String scope, String key) {
        Key id = new Key(scope, key);
        SubmitRecord removed = submits.get(id);
        if (removed != null && removed.state() == SubmitRecord.State.INTENDED) {
            submits.remove(id);
            changes.accept(new SubmitRecord(scope, key, null, null, removed.createdAt(), removed.updatedAt()));
        }
    }

    @Override
    public synchronized SubmitRecord submitRecord(String scope, String key) {
        return submits.get(new Key(scope, key));
    }

    @Override
    public synchronized void record(TrackedTask task) {
        Key key = new Key(task.scope(), task.taskId());
        if (!tasks.containsKey(key)) {
            tasks.put(key, task);
            changes.accept(task);
        }
    }

    @Override
    public synchronized List<TrackedTask> claimDue(String scope, long now, int max, long leaseMillis, String owner) {
        return claim(scope, TrackedTask.State.PENDING, now, max, leaseMillis, owner);
    }

    @Override
    public synchronized List<TrackedTask> claimFinished(String scope, long now, int max, long leaseMillis, String owner) {
        return claim(scope, TrackedTask.State.FINISHED, now, max, leaseMillis, owner);
    }

    private List<TrackedTask> claim(String scope, TrackedTask.State state, long now, int max, long leaseMillis, String owner) {
        List<TrackedTask> due = tasks.values().stream()
                .filter(t -> t.scope().equals(scope) && t.state() == state && t.nextCheckAt() <= now)
                .filter(t -> {
                    Claim claim = claims.get(new Key(scope, t.taskId()));
                    return claim == null || claim.until() < now;
                })
                .sorted(Comparator.comparingLong(TrackedTask::nextCheckAt))
                .limit(max)
                .toList();
        due.forEach(t -> claims.put(new Key(scope, t.taskId()), new Claim(owner, now + leaseMillis)));
        return due;
    }

    @Override
    public synchronized void reschedule(String scope, String taskId, String status, long nextCheckAt) {
        update(scope, taskId, TrackedTask.State.PENDING, t -> t.with(TrackedTask.State.PENDING, status, null, nextCheckAt,
                t.checks() + 1));
    }

    @Override
    public synchronized void finish(String scope, String taskId, String status, String result) {
        update(scope, taskId, TrackedTask.State.PENDING, t -> t.with(TrackedTask.State.FINISHED, status, result, 0, t.checks()));
    }

    @Override
    public synchronized boolean markDelivered(String scope, String taskId, String owner) {
        return endDelivery(scope, taskId, owner, t -> t.with(TrackedTask.State.DELIVERED, t.status(), null, 0, t.checks()));
    }

    @Override
    public synchronized boolean markDead(String scope, String taskId, String owner) {
        return endDelivery(scope, taskId, owner, t -> t.with(TrackedTask.State.DEAD, t.status(), t.result(), 0, t.checks()));
    }

    private boolean endDelivery(String scope, String taskId, String owner, java.util.function.UnaryOperator<TrackedTask> end) {
        Key key = new Key(scope, taskId);
        TrackedTask task = tasks.get(key);
        Claim claim = claims.get(key);
        if (task == null || task.state() != TrackedTask.State.FINISHED || claim == null || !claim.owner().equals(owner)) {
            return false;
        }
        TrackedTask ended = end.apply(task);
        tasks.put(key, ended);
        claims.remove(key);
        changes.accept(ended);
        return true;
    }

    @Override
    public synchronized void releaseDelivery(String scope, String taskId, long retryAt) {
        update(scope, taskId, TrackedTask.State.FINISHED, t -> t.failedDelivery(retryAt));
    }

    @Override
    public synchronized TrackedTask find(String scope, String taskId) {
        return tasks.get(new Key(scope, taskId));
    }

    @Override
    public synchronized void releaseClaims(String scope, String owner) {
        claims.entrySet().removeIf(e -> e.getKey().scope().equals(scope) && e.getValue().owner().equals(owner));
    }

    @Override
    public synchronized long watermark(String scope, long initial) {
        Long value = watermarks.get(scope);
        if (value == null) {
            watermarks.put(scope, initial);
            changes.accept(new Watermark(scope, initial));
            return initial;
        }
        return value;
    }

    @Override
    public synchronized void advanceWatermark(String scope, long value) {
        Long current = watermarks.get(scope);
        if (current == null || value > current) {
            watermarks.put(scope, value);
            changes.accept(new Watermark(scope, value));
        }
    }

    @Override
    public synchronized boolean recordSpend(String account, String taskId, long day, double amount) {
        Key key = new Key(account, taskId);
        if (spends.containsKey(key)) {
            return false;
        }
        Spend spend = new Spend(account, taskId, day, amount);
        spends.put(key, spend);
        changes.accept(spend);
        return true;
    }

    @Override
    public synchronized double spent(String account, long day) {
        return spends.values().stream().filter(spend -> spend.account().equals(account) && spend.day() == day)
                .mapToDouble(Spend::amount).sum();
    }

    @Override
    public synchronized Map<TrackedTask.State, Long> counts(String scope) {
        Map<TrackedTask.State, Long> counts = new EnumMap<>(TrackedTask.State.class);
        for (TrackedTask.State state : TrackedTask.State.values()) {
            counts.put(state, 0L);
        }
        tasks.values().stream().filter(t -> t.scope().equals(scope)).forEach(t -> counts.merge(t.state(), 1L, Long::sum));
        return counts;
    }

    private void update(String scope, String taskId, TrackedTask.State expected,
                        java.util.function.UnaryOperator<TrackedTask> change) {
        Key key = new Key(scope, taskId);
        TrackedTask task = tasks.get(key);
        if (task != null && task.state() == expected) {
            TrackedTask updated = change.apply(task);
            tasks.put(key, updated);
            claims.remove(key);
            changes.accept(updated);
        }
    }
}

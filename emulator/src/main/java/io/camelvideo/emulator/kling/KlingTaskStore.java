package io.camelvideo.emulator.kling;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.PriorityQueue;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** The tasks and generated videos of every account, with 18-digit ids and per-account external ids. */
final class KlingTaskStore {

    private final AtomicLong ids = new AtomicLong(860_000_000_000_000_000L
            + (System.currentTimeMillis() % 1_000_000_000L) * 1_000L);
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, KlingTask> tasks = new ConcurrentHashMap<>();
    private final Map<String, KlingTask> byExternalId = new ConcurrentHashMap<>();
    private final Map<String, NavigableMap<Long, KlingTask>> byAccountAndKind = new ConcurrentHashMap<>();
    private final Map<String, KlingVideo> videos = new ConcurrentHashMap<>();
    /** Per account: when each unfinished task ends (earliest first), for the parallel-task limit. */
    private final Map<String, PriorityQueue<Long>> unfinishedEnds = new HashMap<>();
    private final Map<String, Integer> mostUnfinished = new HashMap<>();

    /** A new 18-digit numeric id, as a string. */
    String nextId() {
        return Long.toString(ids.addAndGet(1 + ThreadLocalRandom.current().nextInt(997)));
    }

    /** What {@link #admit} did with a new task. */
    enum Admission { ADDED, EXTERNAL_ID_TAKEN, OVER_PARALLEL_LIMIT }

    /**
     * Adds a task unless its external id is taken in its account, or the account already has
     * {@code limit} unfinished tasks ({@code limit <= 0}: no limit). Atomic, as the service is: of
     * concurrent creates with one external id one gets through, and an account never has more than
     * {@code limit} unfinished tasks, however many creates arrive at once.
     */
    synchronized Admission admit(KlingTask task, int limit, long now) {
        String externalKey = task.externalTaskId != null ? task.account + '\u0000' + task.externalTaskId : null;
        if (externalKey != null && byExternalId.containsKey(externalKey)) {
            return Admission.EXTERNAL_ID_TAKEN;
        }
        PriorityQueue<Long> open = unfinishedEnds.computeIfAbsent(task.account, a -> new PriorityQueue<>());
        while (!open.isEmpty() && open.peek() <= now) {
            open.poll();
        }
        if (limit > 0 && open.size() >= limit) {
            return Admission.OVER_PARALLEL_LIMIT;
        }
        if (externalKey != null) {
            byExternalId.put(externalKey, task);
        }
        open.add(task.terminalAt());
        mostUnfinished.merge(task.account, open.size(), Math::max);
        tasks.put(task.id, task);
        byAccountAndKind.computeIfAbsent(task.account + '\u0000' + task.kind, k -> new ConcurrentSkipListMap<>())
                .put(sequence.incrementAndGet(), task);
        for (KlingVideo video : task.videos) {
            videos.put(video.id(), video);
        }
        return Admission.ADDED;
    }

    /** The most unfinished tasks any account had at one time since the last reset. */
    synchronized int mostUnfinished() {
        return mostUnfinished.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** The task with this task id or external id in the account and kind, or null. */
    KlingTask find(String account, KlingKind kind, String id) {
        KlingTask task = tasks.get(id);
        if (task == null) {
            task = byExternalId.get(account + '\u0000' + id);
        }
        return task != null && task.account.equals(account) && task.kind == kind ? task : null;
    }

    /** The units the account's succeeded tasks cost (failed tasks are not charged). */
    java.math.BigDecimal unitsSpent(String account, long now) {
        return tasks.values().stream().filter(t -> t.account.equals(account) && t.statusAt(now) == KlingTask.Status.SUCCEED)
                .map(t -> new java.math.BigDecimal(t.unitDeduction)).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
    }

    /** The account's tasks of one kind, newest first, page {@code pageNum} (1-based) of {@code pageSize}. */
    List<KlingTask> page(String account, KlingKind kind, int pageNum, int pageSize) {
        NavigableMap<Long, KlingTask> all = byAccountAndKind.get(account + '\u0000' + kind);
        List<KlingTask> page = new ArrayList<>(pageSize);
        if (all == null) {
            return page;
        }
        long skip = (long) (pageNum - 1) * pageSize;
        for (KlingTask task : all.descendingMap().values()) {
            if (skip-- > 0) {
                continue;
            }
            if (page.size() == pageSize) {
                break;
            }
            page.add(task);
        }
        return page;
    }

    /** A video of the account that has been generated by {@code now}, or null. */
    KlingVideo video(String account, String videoId, long now) {
        KlingVideo video = videos.get(videoId);
        if (video == null || !video.account().equals(account) || video.availableAtMillis() > now) {
            return null;
        }
        return video;
    }

    int size() {
        return tasks.size();
    }

    /** The account's tasks of one kind, in no particular order. */
    List<KlingTask> all(String account, KlingKind kind) {
        NavigableMap<Long, KlingTask> all = byAccountAndKind.get(account + '\u0000' + kind);
        return all == null ? List.of() : List.copyOf(all.values());
    }

    KlingTask byId(String id) {
        return tasks.get(id);
    }

    synchronized void clear() {
        tasks.clear();
        byExternalId.clear();
        byAccountAndKind.clear();
        videos.clear();
        unfinishedEnds.clear();
        mostUnfinished.clear();
    }
}

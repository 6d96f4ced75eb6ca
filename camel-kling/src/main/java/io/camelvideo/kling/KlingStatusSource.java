package io.camelvideo.kling;

import io.camelvideo.kling.api.KlingClient;
import io.camelvideo.kling.model.KlingTask;
import io.camelvideo.task.poll.PollResult;
import io.camelvideo.task.poll.TaskStatusSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the poller reads Kling task states: one query per task, or the list endpoint when many
 * tasks of one kind are due.
 */
final class KlingStatusSource implements TaskStatusSource<KlingTask> {

    private final KlingClient client;

    KlingStatusSource(KlingClient client) {
        this.client = client;
    }

    /** From this many due tasks of one kind on, the poller reads the list endpoint instead of one query each. */
    static final int LIST_BATCH_THRESHOLD = 10;
    /** The list endpoint's largest page. */
    static final int LIST_PAGE_SIZE = 500;
    /**
     * How deep one round may page at least: the newest 20,000 tasks of the kind (due tasks are recent ones);
     * a round asking about more reads down to twice as many as it asks about.
     */
    static final int MAX_LIST_PAGES = 40;

    /**
     * The poller's status source. Few due tasks: one query each, in parallel (a task whose query
     * fails is reported on its own). {@value #LIST_BATCH_THRESHOLD} or more: the list endpoint, newest
     * first, 500 per page: the pages that can hold the tasks asked about at once, then page after page
     * until every task was seen, a page is short, or 40 pages (20,000 tasks; for a round asking about
     * more than 10,000, twice as many as it asks about) were read. Tasks created
     * meanwhile move others across page boundaries: when 10 or more are still missing, the first pages
     * are read again, one after the other. The tasks not found that way (older ones) get one query each.
     */
    @Override
    public CompletableFuture<PollResult<KlingTask>> fetch(String kind, List<String> taskIds) {
        KlingKind klingKind = KlingKind.valueOf(kind);
        if (taskIds.size() < LIST_BATCH_THRESHOLD) {
            return PollResult.each(taskIds, id -> client.get(klingKind, id));
        }
        PollResult<KlingTask> result = new PollResult<>();
        Set<String> missing = ConcurrentHashMap.newKeySet();
        return readPages(klingKind, taskIds, missing, result)
                .thenCompose(done -> result.addEach(List.copyOf(missing), id -> client.get(klingKind, id)));
    }

    /**
     * A sweep reads the list pages only: a task they did not show (moved across a page boundary while a
     * burst of creates went on) is looked for again by the next sweep, one poll interval later, instead of
     * costing a query of its own now (the poller queries a task two sweeps in a row missed).
     */
    @Override
    public CompletableFuture<PollResult<KlingTask>> sweep(String kind, List<String> taskIds) {
        if (taskIds.size() < LIST_BATCH_THRESHOLD) {
            return fetch(kind, taskIds);
        }
        PollResult<KlingTask> result = new PollResult<>();
        return readPages(KlingKind.valueOf(kind), taskIds, ConcurrentHashMap.newKeySet(), result).thenApply(done -> result);
    }

    /** Reads list pages into {@code result} as {@link #fetch} says, leaving in {@code missing} the tasks they did not show. */
    private CompletableFuture<Void> readPages(KlingKind klingKind, List<String> taskIds, Set<String> missing,
                                              PollResult<KlingTask> result) {
        missing.addAll(taskIds);
        // the tasks asked about lie among others of the kind (ended ones, other clients'): read down to twice their count
        int maxPages = Math.max(2 * (taskIds.size() / LIST_PAGE_SIZE) + 2, MAX_LIST_PAGES);
        int firstPages = Math.min(maxPages, (taskIds.size() + LIST_PAGE_SIZE - 1) / LIST_PAGE_SIZE);
        List<CompletableFuture<List<KlingTask>>> pages = new ArrayList<>(firstPages);
        for (int page = 1; page <= firstPages; page++) {
            pages.add(client.list(klingKind, page, LIST_PAGE_SIZE));
        }
        return CompletableFuture.allOf(pages.toArray(CompletableFuture[]::new))
                .thenCompose(read -> {
                    boolean full = true;
                    for (CompletableFuture<List<KlingTask>> page : pages) {
                        full = take(page.join(), missing, result) && full;
                    }
                    return full && !missing.isEmpty() && firstPages < maxPages
                            ? listPages(klingKind, firstPages + 1, maxPages, missing, result)
                            : CompletableFuture.<Void>completedFuture(null);
                })
                // tasks created while the pages were read at once push others across page boundaries: read the same
                // pages again one after the other (which moves nothing out of sight) before asking about many singly
                .thenCompose(done -> missing.size() >= LIST_BATCH_THRESHOLD && firstPages > 1
                        ? listPages(klingKind, 1, firstPages, missing, result)
                        : CompletableFuture.<Void>completedFuture(null));
    }

    /** Sweep from {@value #LIST_BATCH_THRESHOLD} watched tasks of a kind on: their check costs pages, not tasks. */
    @Override
    public int sweepThreshold() {
        return LIST_BATCH_THRESHOLD;
    }

    private CompletableFuture<Void> listPages(KlingKind kind, int page, int maxPages,
                                                     Set<String> missing, PollResult<KlingTask> result) {
        return client.list(kind, page, LIST_PAGE_SIZE).thenCompose(tasks -> {
            boolean full = take(tasks, missing, result);
            if (missing.isEmpty() || !full || page >= maxPages) {
                return CompletableFuture.completedFuture(null);
            }
            return listPages(kind, page + 1, maxPages, missing, result);
        });
    }

    /** Records the asked-about tasks of a page; whether the page was full (more may follow). */
    private static boolean take(List<KlingTask> page, Set<String> missing, PollResult<KlingTask> result) {
        for (KlingTask task : page) {
            if (missing.remove(task.taskId())) {
                result.state(task.taskId(), task);
            }
        }
        return page.size() >= LIST_PAGE_SIZE;
    }
}

package io.camelvideo.kling;

import io.camelvideo.kling.api.KlingClient;
import io.camelvideo.kling.model.KlingTask;
import io.camelvideo.task.media.MediaDownloader;
import io.camelvideo.task.poll.PollResult;
import io.camelvideo.task.poll.TaskPoller;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Everything tied to one Kling account (base URL + credentials): its API client, the one poller
 * that watches all its pending tasks, and the downloader. Shared by every endpoint of the account.
 */
public final class KlingAccount {

    private final KlingClient client;
    private final TaskPoller<KlingTask> poller;
    private final MediaDownloader downloader;

    KlingAccount(KlingClient client, TaskPoller<KlingTask> poller, MediaDownloader downloader) {
        this.client = client;
        this.poller = poller;
        this.downloader = downloader;
    }

    public KlingClient client() {
        return client;
    }

    public TaskPoller<KlingTask> poller() {
        return poller;
    }

    public MediaDownloader downloader() {
        return downloader;
    }

    /**
     * The poller's status source: the due tasks of one kind, each with one query, in parallel; a
     * task whose query fails is reported on its own, the others are unaffected.
     */
    static CompletableFuture<PollResult<KlingTask>> fetch(KlingClient client, String kind, List<String> taskIds) {
        KlingKind klingKind = KlingKind.valueOf(kind);
        PollResult<KlingTask> result = new PollResult<>();
        CompletableFuture<?>[] calls = taskIds.stream()
                .map(id -> client.get(klingKind, id).handle((task, error) ->
                        error == null ? result.state(id, task) : result.failure(id, error)))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(calls).thenApply(done -> result);
    }
}
